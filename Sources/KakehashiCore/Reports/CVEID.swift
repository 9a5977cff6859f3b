/// A CVE id, `CVE-YYYY-NNNN` with four or more digits in the sequence number.
public struct CVEID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The id as written, e.g. `CVE-2024-3400`.
    public let rawValue: String

    /// Checks and keeps a CVE id; throws ``ReportValidationError`` when it has another form.
    public init(_ text: String) throws {
        guard Self.isWellFormed(text) else {
            throw ReportValidationError(field: "exploitedCVEs", value: text, reason: "is not a CVE id of the form CVE-YYYY-NNNN (four or more digits)")
        }
        rawValue = text
    }

    /// Whether `text` is `CVE-`, a four-digit year from 1999, `-`, and at least four digits.
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "CVE" else { return false }
        let digits = { (s: Substring) in !s.isEmpty && s.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard digits(parts[1]), parts[1].count == 4, let year = Int(parts[1]), year >= 1999 else { return false }
        return digits(parts[2]) && parts[2].count >= 4
    }

    public var description: String { rawValue }

    /// Decodes and checks an id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch let error as ReportValidationError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the id as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
