import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// An incident as the API shows it: the record, the draft (reporter only), the visible submissions and deliveries.
struct IncidentView: Encodable, ResponseEncodable {
    let id: UUID
    let reporterOrganisation: UUID
    let status: String
    let category: String
    let latestVersion: Int
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date
    /// `reporter` or `recipient`: how the asking organisation relates to the incident.
    let relation: String
    let draft: DraftView?
    let submissions: [SubmissionView]
    let deliveries: [DeliveryView]
}

/// A line of an incident list.
struct IncidentSummaryView: Encodable, ResponseEncodable {
    let id: UUID
    let status: String
    let category: String
    let latestVersion: Int
    let createdAt: Date
    let updatedAt: Date

    init(_ record: IncidentRecord) {
        id = record.id
        status = record.status.rawValue
        category = record.category
        latestVersion = record.latestVersion
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }
}

/// The working copy of a report.
struct DraftView: Encodable, ResponseEncodable {
    let savedAt: Date
    let savedBy: String
    let report: IncidentReport
}

/// One immutable submitted version.
struct SubmissionView: Encodable {
    let version: Int
    let kind: SubmissionKind
    let submittedAt: Date
    let submittedBy: String
    /// Authorities the regimes name that no member organisation receives for yet.
    let unassignedAuthorities: [String]
    let report: IncidentReport

    init(_ record: SubmissionRecord) throws {
        version = record.version
        kind = record.kind
        submittedAt = record.submittedAt
        submittedBy = record.submittedBy
        unassignedAuthorities = record.unassignedAuthorities
        report = try ReportInput.decode(record.json)
    }
}

/// A delivery to one recipient organisation; `receiptID` is what both sides quote.
struct DeliveryView: Encodable, ResponseEncodable {
    let receiptID: UUID
    let incidentID: UUID
    let version: Int
    let recipientOrganisation: UUID
    let authorities: [String]
    let regimes: [String]
    let deliveredAt: Date
    let state: String
    let acknowledgedBy: String?
    let acknowledgedAt: Date?

    init(_ record: DeliveryRecord) {
        receiptID = record.id
        incidentID = record.incidentID
        version = record.version
        recipientOrganisation = record.recipientOrganisation
        authorities = record.authorities
        regimes = record.regimes
        deliveredAt = record.deliveredAt
        state = record.state.rawValue
        acknowledgedBy = record.acknowledgedBy
        acknowledgedAt = record.acknowledgedAt
    }
}

/// The answer to an accepted submission.
struct SubmissionResultView: Encodable, ResponseEncodable {
    let incidentID: UUID
    let version: Int
    let kind: SubmissionKind
    let submittedAt: Date
    let deliveries: [DeliveryView]
    let unassignedAuthorities: [String]
    let deadlines: [DeadlineSummary]
    /// TAXII collections the shareable STIX bundle was published into, when the reporter consented.
    let sharedTo: [IncidentSharing.Published]
    let sharingProblem: String?
}

/// The body of a 422 for a refused submission: every missing field, with messages in Japanese and English.
struct RefusalBody: Encodable {
    struct Detail: Encodable {
        let status: Int
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail
    let messages: BilingualText
    let missing: [MissingField]
    /// The refused report was kept as the incident's draft.
    let draftSaved: Bool

    init(_ refusal: SubmissionRefusal) {
        error = Detail(status: 422, code: "submission-refused", message: refusal.message(in: .en), field: refusal.missing.first?.field.rawValue)
        messages = BilingualText(ja: refusal.message(in: .ja), en: refusal.message(in: .en))
        missing = refusal.missing
        draftSaved = true
    }
}

extension IncidentAccess {
    /// The view of the incident for the member it was loaded for.
    func view(draft: DraftRecord?) throws -> IncidentView {
        IncidentView(
            id: record.id, reporterOrganisation: record.reporterOrganisation, status: record.status.rawValue, category: record.category,
            latestVersion: record.latestVersion, createdBy: record.createdBy, createdAt: record.createdAt, updatedAt: record.updatedAt,
            relation: relation.rawValue,
            draft: try draft.map { DraftView(savedAt: $0.savedAt, savedBy: $0.savedBy, report: try ReportInput.decode($0.json)) },
            submissions: try submissions.map(SubmissionView.init),
            deliveries: deliveries.map(DeliveryView.init)
        )
    }
}
