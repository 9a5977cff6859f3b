import Foundation

/// The kinds of indicator a report can carry.
public enum IncidentIndicatorType: String, Sendable, Codable, CaseIterable {
    case ipv4
    case ipv6
    case domain
    case url
    case sha256
    case md5
    case sha1
    case email
}

/// An observable the reporter saw: an address, a name or a file hash.
public struct IncidentIndicator: Sendable, Codable, Hashable {
    /// What kind of value this is.
    public let type: IncidentIndicatorType
    /// The value, checked against its type's form (hashes are kept lower-case).
    public let value: String
    /// Whether the reporter allows this indicator to be shared beyond the legal recipients.
    public let shareable: Bool

    /// Checks and creates an indicator; throws ``ReportValidationError`` when `value` does not fit `type`.
    public init(type: IncidentIndicatorType, value: String, shareable: Bool = true) throws {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard IndicatorSyntax.isValid(trimmed, as: type) else {
            throw ReportValidationError(field: "indicators", value: value, reason: "is not a valid \(type.rawValue) value")
        }
        self.type = type
        switch type {
        case .sha256, .md5, .sha1: self.value = trimmed.lowercased()
        default: self.value = trimmed
        }
        self.shareable = shareable
    }

    enum CodingKeys: String, CodingKey { case type, value, shareable }

    /// Decodes and checks an indicator; `shareable` defaults to `true`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(IncidentIndicatorType.self, forKey: .type)
        let value = try c.decode(String.self, forKey: .value)
        let shareable = try c.decodeIfPresent(Bool.self, forKey: .shareable) ?? true
        do { try self.init(type: type, value: value, shareable: shareable) } catch let error as ReportValidationError {
            throw DecodingError.dataCorruptedError(forKey: .value, in: c, debugDescription: error.description)
        }
    }
}
