import Foundation
import KakehashiCore
import NIOCore
import NIOSSL

/// Where and how the hub sends e-mail: `kakehashi serve --smtp-url … --smtp-from …`.
public struct SMTPConfiguration: Sendable {
    /// How the connection is protected.
    public enum Security: String, Sendable {
        /// `smtp://host[:587]`: plain connect, then STARTTLS, which the server must offer.
        case startTLS = "smtp"
        /// `smtps://host[:465]`: TLS from the first byte.
        case implicitTLS = "smtps"
        /// `smtp+plain://host[:25]`: no encryption at all; credentials only to a loopback host.
        case plain = "smtp+plain"

        var defaultPort: Int {
            switch self {
            case .startTLS: 587
            case .implicitTLS: 465
            case .plain: 25
            }
        }
    }

    /// A user name and password for AUTH PLAIN or LOGIN; the password never appears in a description.
    public struct Credentials: Sendable, CustomStringConvertible {
        public var user: String
        public var password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user):<redacted>" }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var from: EmailAddress
    public var credentials: Credentials?
    /// The name the hub gives in EHLO.
    public var heloName: String
    /// How long to wait for the connection and for each reply.
    public var timeout: TimeAmount
    /// The TLS settings for STARTTLS and implicit TLS; the system's trust roots by default.
    public var tls: TLSConfiguration

    /// Reads `url` (`smtp://host:587`, `smtps://host:465`, `smtp+plain://host:25`) and the sender.
    /// - Throws: ``SMTPConfigurationError`` naming what is wrong, e.g. a password in the URL.
    public init(url: String, from: String, credentials: Credentials? = nil, heloName: String? = nil, timeout: TimeAmount = .seconds(30)) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), let security = Security(rawValue: scheme) else {
            throw SMTPConfigurationError("--smtp-url '\(url)' must start with smtp://, smtps:// or smtp+plain://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw SMTPConfigurationError("--smtp-url '\(url)' names no host")
        }
        guard components.user == nil, components.password == nil else {
            throw SMTPConfigurationError("--smtp-url must not hold credentials; give --smtp-user and --smtp-password-file (or KAKEHASHI_SMTP_PASSWORD)")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil else {
            throw SMTPConfigurationError("--smtp-url '\(url)' must be only a scheme, a host and a port")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw SMTPConfigurationError("--smtp-url '\(url)' has a port outside 1…65535")
        }
        let sender: EmailAddress
        do {
            sender = try EmailAddress(from, field: "--smtp-from")
        } catch let error as MemberValidationError {
            throw SMTPConfigurationError("--smtp-from: \(error.message)")
        }
        if let credentials {
            guard !credentials.user.isEmpty, !credentials.password.isEmpty else {
                throw SMTPConfigurationError("the SMTP user and password must both be given and not empty")
            }
            guard !credentials.user.contains(where: \.isNewline), !credentials.password.contains(where: \.isNewline) else {
                throw SMTPConfigurationError("the SMTP user and password must be single lines")
            }
            if security == .plain, !Self.isLoopback(host) {
                throw SMTPConfigurationError("refusing to send SMTP credentials unencrypted to \(host): use smtp:// (STARTTLS) or smtps://")
            }
        }
        self.host = host
        self.port = components.port ?? security.defaultPort
        self.security = security
        self.from = sender
        self.credentials = credentials
        self.heloName = heloName ?? (ProcessInfo.processInfo.hostName.isEmpty ? "kakehashi" : ProcessInfo.processInfo.hostName)
        self.timeout = timeout
        self.tls = TLSConfiguration.makeClientConfiguration()
    }

    /// `smtp://mail.example.jp:587` — no credentials.
    public var displayURL: String { "\(security.rawValue)://\(host):\(port)" }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

/// An SMTP setting that cannot work, in words for the person starting the hub.
public struct SMTPConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
