import Foundation

/// An operator's decision that a finding does not apply to them, with the reason; kept even when
/// matching later stops producing the finding, so the decision and who made it are never lost.
public struct FindingDisposition: Sendable, Hashable, Codable {
    public var key: FindingKey
    public var reason: String
    public var decidedBy: String
    public var decidedAt: Date

    public init(key: FindingKey, reason: String, decidedBy: String, decidedAt: Date) {
        self.key = key
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// The longest reason accepted.
    public static let maximumReasonLength = 2000

    /// Checks a reason given for marking a finding not applicable.
    /// - Throws: ``MemberValidationError`` on the `reason` field when it is empty or too long.
    public static func validate(reason: String) throws -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw MemberValidationError(field: "reason", message: "a reason is required to mark a finding not applicable")
        }
        guard trimmed.count <= maximumReasonLength else {
            throw MemberValidationError(field: "reason", message: "the reason is longer than \(maximumReasonLength) characters")
        }
        return trimmed
    }
}
