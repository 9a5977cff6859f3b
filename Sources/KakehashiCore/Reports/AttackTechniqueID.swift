/// A MITRE ATT&CK technique id, `T1234` or a sub-technique `T1234.001`.
public struct AttackTechniqueID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The id as written, e.g. `T1486`.
    public let rawValue: String

    /// Checks and keeps an ATT&CK technique id; throws ``ReportValidationError`` when it has another form.
    public init(_ text: String) throws {
        guard Self.isWellFormed(text) else {
            throw ReportValidationError(field: "attackTechniques", value: text, reason: "is not an ATT&CK technique id of the form T1234 or T1234.001")
        }
        rawValue = text
    }

    /// Whether `text` is `T` and four digits, optionally followed by `.` and three digits.
    public static func isWellFormed(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 5 || chars.count == 9, chars[0] == UInt8(ascii: "T") else { return false }
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        guard chars[1...4].allSatisfy(isDigit) else { return false }
        if chars.count == 9 {
            return chars[5] == UInt8(ascii: ".") && chars[6...8].allSatisfy(isDigit)
        }
        return true
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
