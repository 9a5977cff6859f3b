import Foundation
import KakehashiCore

/// An incident as the hub stores it: who reports it and how far its reporting has got.
public struct IncidentRecord: Sendable, Equatable, Codable {
    /// How far reporting has got.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Only a draft exists; nothing has gone to an authority.
        case draft
        /// An initial report (and perhaps updates) has been submitted.
        case reported
        /// The final report has been submitted.
        case closed
    }

    public var id: UUID
    /// The organisation that reports the incident.
    public var reporterOrganisation: UUID
    public var status: Status
    /// The category of the newest draft or submission, for lists.
    public var category: String
    /// The newest submitted version, 0 while only a draft exists.
    public var latestVersion: Int
    /// The username that created the incident.
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), reporterOrganisation: UUID, status: Status = .draft, category: String, latestVersion: Int = 0, createdBy: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.reporterOrganisation = reporterOrganisation
        self.status = status
        self.category = category
        self.latestVersion = latestVersion
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One immutable submitted version of an incident's report.
public struct SubmissionRecord: Sendable, Equatable {
    public var incidentID: UUID
    public var version: Int
    public var kind: SubmissionKind
    /// The `IncidentReport` as JSON, exactly as it was accepted.
    public var json: String
    /// Authority ids the applicable regimes name but no organisation is mapped to.
    public var unassignedAuthorities: [String]
    public var submittedBy: String
    public var submittedAt: Date

    public init(incidentID: UUID, version: Int, kind: SubmissionKind, json: String, unassignedAuthorities: [String] = [], submittedBy: String, submittedAt: Date) {
        self.incidentID = incidentID
        self.version = version
        self.kind = kind
        self.json = json
        self.unassignedAuthorities = unassignedAuthorities
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
    }
}

/// The working copy of an incident's report, saved as often as the reporter likes.
public struct DraftRecord: Sendable, Equatable {
    public var incidentID: UUID
    /// The report as JSON; it need not be complete.
    public var json: String
    public var savedBy: String
    public var savedAt: Date

    public init(incidentID: UUID, json: String, savedBy: String, savedAt: Date) {
        self.incidentID = incidentID
        self.json = json
        self.savedBy = savedBy
        self.savedAt = savedAt
    }
}

/// One submission delivered to one recipient organisation; its id is the receipt id.
public struct DeliveryRecord: Sendable, Equatable {
    /// Whether the recipient has confirmed receipt.
    public enum State: String, Sendable, Codable, CaseIterable {
        case delivered
        case acknowledged
    }

    /// The receipt id.
    public var id: UUID
    public var incidentID: UUID
    public var version: Int
    public var recipientOrganisation: UUID
    /// The authority ids this organisation receives the submission as, e.g. `jp-mlit`.
    public var authorities: [String]
    /// The regimes whose stages the submission fulfils for this recipient.
    public var regimes: [String]
    public var deliveredAt: Date
    public var state: State
    /// The username that acknowledged it, and when.
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?

    public init(id: UUID = UUID(), incidentID: UUID, version: Int, recipientOrganisation: UUID, authorities: [String], regimes: [String], deliveredAt: Date, state: State = .delivered, acknowledgedBy: String? = nil, acknowledgedAt: Date? = nil) {
        self.id = id
        self.incidentID = incidentID
        self.version = version
        self.recipientOrganisation = recipientOrganisation
        self.authorities = authorities
        self.regimes = regimes
        self.deliveredAt = deliveredAt
        self.state = state
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
    }
}
