/// A server's answer: a three-digit code and one or more lines of text (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    /// The text of each line, without the code and separator.
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx or 3xx: the command was accepted (or more is expected).
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 5xx: trying again will not help.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// `550 5.1.1 no such user`, lines joined with ` / `.
    public var description: String { "\(code) " + lines.joined(separator: " / ") }
}

/// Assembles replies from lines: `250-first`, `250-second`, `250 last`.
struct SMTPReplyParser {
    private var code: Int?
    private var lines: [String] = []

    /// Takes one line (without CRLF); returns the reply when this line completes it.
    /// - Throws: ``SMTPError`` `protocolViolation` for a line that is not part of a reply.
    mutating func feed(_ line: String) throws -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (0x30...0x39).contains($0) }), let lineCode = Int(String(decoding: bytes[0...2], as: UTF8.self)),
              (200...599).contains(lineCode) || (100...199).contains(lineCode) else {
            throw SMTPError(.protocolViolation, "the server sent '\(line.prefix(80))', which is not an SMTP reply line")
        }
        if let code, code != lineCode {
            throw SMTPError(.protocolViolation, "the server changed the reply code within one reply (\(code), then \(lineCode))")
        }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPError(.protocolViolation, "the server sent '\(line.prefix(80))', which is not an SMTP reply line")
        }
        code = lineCode
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard separator == UInt8(ascii: " ") else { return nil }
        defer { code = nil; lines = [] }
        return SMTPReply(code: lineCode, lines: lines)
    }
}
