import Foundation

/// A period of coordinated attack against one or more sectors (a DDoS wave, a ransomware campaign),
/// opened by the national center or an ISAC so that operators report how they stand on one board.
public struct Campaign: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var titleJa: String
    public var titleEn: String
    /// What is known and asked of operators (optional).
    public var summary: String
    public var sectors: [Sector]
    public var openedBy: UUID
    public var openedAt: Date
    public var closedAt: Date?

    public init(id: UUID = UUID(), titleJa: String, titleEn: String, summary: String = "", sectors: [Sector], openedBy: UUID, openedAt: Date, closedAt: Date? = nil) {
        self.id = id
        self.titleJa = titleJa
        self.titleEn = titleEn
        self.summary = summary
        self.sectors = sectors
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.closedAt = closedAt
    }

    public var isOpen: Bool { closedAt == nil }

    /// Checks what a person typed.
    /// - Throws: ``MemberValidationError`` naming the first field at fault.
    public func validate() throws(MemberValidationError) {
        for (field, title) in [("titleJa", titleJa), ("titleEn", titleEn)] {
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw MemberValidationError(field: field, message: "a campaign needs a title in Japanese and in English") }
            guard trimmed.count <= 200 else { throw MemberValidationError(field: field, message: "a title may have at most 200 characters") }
        }
        guard summary.count <= 4000 else { throw MemberValidationError(field: "summary", message: "the summary may have at most 4,000 characters") }
        guard !sectors.isEmpty else { throw MemberValidationError(field: "sectors", message: "name at least one sector the campaign concerns") }
    }
}

/// One operator's report of how it stands in a campaign; reports are kept, the newest counts.
public struct StatusReport: Sendable, Equatable, Codable {
    public var campaignID: UUID
    public var organisationID: UUID
    public var state: OperationalState
    /// Free text for the sector (what is affected, what helps); no raw indicators or personal data.
    public var note: String
    public var reportedBy: String
    public var reportedAt: Date

    public init(campaignID: UUID, organisationID: UUID, state: OperationalState, note: String = "", reportedBy: String, reportedAt: Date) {
        self.campaignID = campaignID
        self.organisationID = organisationID
        self.state = state
        self.note = note
        self.reportedBy = reportedBy
        self.reportedAt = reportedAt
    }

    /// - Throws: ``MemberValidationError`` when the note is too long.
    public func validate() throws(MemberValidationError) {
        guard note.count <= 1000 else { throw MemberValidationError(field: "note", message: "the note may have at most 1,000 characters") }
    }
}
