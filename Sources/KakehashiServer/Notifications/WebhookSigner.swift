import Crypto
import Foundation

/// Signs webhook bodies so receivers can check they come from the hub and were not altered.
///
/// `X-Kakehashi-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under the endpoint's secret>`,
/// with `X-Kakehashi-Timestamp` (Unix seconds of the attempt), `X-Kakehashi-Event` and `X-Kakehashi-Delivery`.
/// The timestamp is inside the signature, so a receiver that refuses old timestamps cannot be fed a replay.
public enum WebhookSigner {
    public static let signatureHeader = "X-Kakehashi-Signature"
    public static let timestampHeader = "X-Kakehashi-Timestamp"
    public static let eventHeader = "X-Kakehashi-Event"
    public static let deliveryHeader = "X-Kakehashi-Delivery"

    /// The signature header's value for `body`: `sha256=` and the lower-case hex MAC.
    public static func signature(of body: some DataProtocol, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The signature of one call: over the timestamp header's value, a dot, and the raw body.
    public static func signature(timestamp: String, body: some DataProtocol, secret: String) -> String {
        signature(of: Data((timestamp + ".").utf8) + Data(body), secret: secret)
    }

    /// Whether `header` is the right signature of a call with `timestamp` and `body`, compared in constant time.
    public static func verify(_ header: String, timestamp: String, body: some DataProtocol, secret: String) -> Bool {
        verify(header, body: Data((timestamp + ".").utf8) + Data(body), secret: secret)
    }

    /// Whether `header` is the right signature of `body`, compared in constant time.
    public static func verify(_ header: String, body: some DataProtocol, secret: String) -> Bool {
        let expected = Array(signature(of: body, secret: secret).utf8)
        let given = Array(header.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
