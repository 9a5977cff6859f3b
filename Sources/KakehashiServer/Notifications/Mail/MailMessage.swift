import Foundation
import KakehashiCore

/// A plain-text e-mail as RFC 5322 text: UTF-8 subject as RFC 2047 encoded words, UTF-8 body in base64.
///
/// Pure code; ``SMTPClient`` sends what ``rendered()`` returns.
public struct MailMessage: Sendable, Equatable {
    public var from: EmailAddress
    public var to: [EmailAddress]
    public var subject: String
    public var body: String
    public var date: Date
    /// Without angle brackets, e.g. `3f2a…@example.jp`; stays the same on every retry so receivers can spot repeats.
    public var messageID: String

    public init(from: EmailAddress, to: [EmailAddress], subject: String, body: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message: headers, a blank line, the body; every line ends in CRLF and is at most 78 characters.
    public func rendered() -> String {
        var lines = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from.value)",
            "To: " + to.map(\.value).joined(separator: ",\r\n "),
            "Subject: " + Self.encodedWords(subject).joined(separator: "\r\n "),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            // RFC 3834: tells vacation responders not to answer.
            "Auto-Submitted: auto-generated",
            "",
        ]
        lines.append(contentsOf: Self.base64Lines(Self.canonicalLineEnds(body)))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The subject as header text: printable ASCII stays as it is, anything else becomes RFC 2047
    /// `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable && text.utf8.count <= 60 && !text.contains("=?") { return [text] }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes make 52 base64 characters: with `=?UTF-8?B?` and `?=` 64, and after `Subject: ` 73 (≤ 78).
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }

    /// Text in its canonical MIME form: every line break is CRLF.
    static func canonicalLineEnds(_ text: String) -> Data {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// Base64 in lines of 76 characters (RFC 2045).
    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    /// `Thu, 26 Nov 2026 01:30:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
