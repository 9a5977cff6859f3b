import Crypto
import Foundation

/// A 256-bit random secret (API token or session id) and the hash under which the hub stores it.
///
/// The secret itself is shown once and never stored; lookups go by ``hash``.
public struct SecretToken: Sendable, Equatable {
    /// The text the holder presents, e.g. `kh_3q2…`.
    public let value: String

    /// A new random token with a short prefix telling what it is (`kh` for API tokens).
    public static func generate(prefix: String = "kh") -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return SecretToken(value: "\(prefix)_\(text)")
    }

    public init(value: String) {
        self.value = value
    }

    /// The hex SHA-256 of the token: what is stored and looked up.
    public var hash: String { Self.hash(of: value) }

    /// The first characters, enough to tell tokens apart in a list and useless to an attacker.
    public var displayPrefix: String { String(value.prefix(10)) }

    /// The hex SHA-256 of any presented token text.
    public static func hash(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
