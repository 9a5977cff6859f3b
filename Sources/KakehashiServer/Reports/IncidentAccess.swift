import Foundation
import KakehashiCore
import KakehashiStorage

/// An incident as a member may see it, after checking who asks.
struct IncidentAccess: Sendable {
    /// How the member relates to the incident.
    enum Relation: String, Sendable {
        /// The reporting organisation: sees everything, drafts included.
        case reporter
        /// A recipient of at least one submission: sees what was delivered to it.
        case recipient
    }

    let record: IncidentRecord
    let relation: Relation
    /// What the member may see.
    let submissions: [SubmissionRecord]
    let deliveries: [DeliveryRecord]
    /// The whole history, for deadlines and the shareable view (which reveal no more than the member may know).
    let allSubmissions: [SubmissionRecord]
    let allDeliveries: [DeliveryRecord]

    /// Loads the incident for `principal`; anyone else gets a 404 (audited) that does not reveal it exists.
    static func load(_ id: UUID, for principal: Principal, reporting: Reporting, context: HubRequestContext, action: String) async throws -> IncidentAccess {
        let incidents = reporting.incidents
        let organisation = principal.organisation.id
        guard let record = try await incidents.find(id: id) else {
            try await reporting.hub.audit.append(.by(context, action: "\(action).denied", objectType: "incident", objectID: id.uuidString.lowercased(), details: ["reason": "not-found"]))
            throw notFound(id)
        }
        let allDeliveries = try await incidents.deliveries(incidentID: id)
        let relation: Relation
        if record.reporterOrganisation == organisation {
            relation = .reporter
        } else if allDeliveries.contains(where: { $0.recipientOrganisation == organisation }) {
            relation = .recipient
        } else {
            try await reporting.hub.audit.append(.by(context, action: "\(action).denied", objectType: "incident", objectID: id.uuidString.lowercased(), details: ["reason": "not-reporter-or-recipient"]))
            throw notFound(id)
        }
        let deliveries = relation == .reporter ? allDeliveries : allDeliveries.filter { $0.recipientOrganisation == organisation }
        let delivered = Set(deliveries.map(\.version))
        let allSubmissions = try await incidents.submissions(incidentID: id)
        let submissions = allSubmissions.filter { relation == .reporter || delivered.contains($0.version) }
        return IncidentAccess(record: record, relation: relation, submissions: submissions, deliveries: deliveries, allSubmissions: allSubmissions, allDeliveries: allDeliveries)
    }

    static func notFound(_ id: UUID) -> APIError {
        APIError(.notFound, code: "not-found", "no incident with the id \(id.uuidString.lowercased()) is visible to your organisation")
    }

    /// The domain view for validation, deadlines and sharing: every submitted version and, per version and
    /// regime, the first delivery.
    func domainIncident() throws -> Incident {
        var byVersionAndRegime: [String: SubmissionDelivery] = [:]
        for delivery in allDeliveries {
            for regime in delivery.regimes {
                let key = "\(delivery.version)|\(regime)"
                if let existing = byVersionAndRegime[key], existing.deliveredAt <= delivery.deliveredAt { continue }
                byVersionAndRegime[key] = SubmissionDelivery(submissionVersion: delivery.version, regimeID: regime, deliveredAt: delivery.deliveredAt)
            }
        }
        let submissions = try allSubmissions.map { Submission(version: $0.version, kind: $0.kind, submittedAt: $0.submittedAt, report: try ReportInput.decode($0.json)) }
        let deliveries = byVersionAndRegime.values.sorted { ($0.submissionVersion, $0.regimeID) < ($1.submissionVersion, $1.regimeID) }
        return try Incident(id: record.id.uuidString.lowercased(), submissions: submissions, deliveries: deliveries)
    }
}
