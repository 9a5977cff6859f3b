import Foundation

/// The commands the client sends, and how each is written on the wire and named in errors and logs.
enum SMTPCommand: Sendable {
    case ehlo(String)
    case startTLS
    /// `AUTH PLAIN` with the initial response (RFC 4616).
    case authPlain(user: String, password: String)
    case authLogin
    /// A base64 answer to a `334` challenge; never shown.
    case authResponse(String)
    case mailFrom(String)
    case rcptTo(String)
    case data
    case quit

    /// The line to send, without CRLF.
    var wire: String {
        switch self {
        case .ehlo(let name): "EHLO \(name)"
        case .startTLS: "STARTTLS"
        case .authPlain(let user, let password): "AUTH PLAIN " + Data("\0\(user)\0\(password)".utf8).base64EncodedString()
        case .authLogin: "AUTH LOGIN"
        case .authResponse(let text): Data(text.utf8).base64EncodedString()
        case .mailFrom(let address): "MAIL FROM:<\(address)>"
        case .rcptTo(let address): "RCPT TO:<\(address)>"
        case .data: "DATA"
        case .quit: "QUIT"
        }
    }

    /// The command as errors and logs name it: credentials never appear.
    var name: String {
        switch self {
        case .authPlain: "AUTH PLAIN"
        case .authResponse: "AUTH LOGIN (credentials)"
        default: wire
        }
    }

    /// The message as sent after `DATA`: CRLF line ends, a line starting with `.` gets another `.`
    /// (RFC 5321 §4.5.2), and the closing `.` line.
    static func dataPayload(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return (stuffed + ["."]).joined(separator: "\r\n") + "\r\n"
    }
}
