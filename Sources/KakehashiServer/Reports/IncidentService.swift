import Foundation
import KakehashiCore
import KakehashiStorage

/// The reports feature's one service: the incident operations that the REST API, the pages and the demo
/// share. Each checks who asks, writes together with its audit record and answers stored or domain values,
/// so a page can never do what the API would refuse.
///
/// Submitting is in `IncidentService+Submit.swift`, deliveries and deadlines in `IncidentService+Deliveries.swift`.
struct IncidentService: Sendable {
    let reporting: Reporting

    var hub: Hub { reporting.hub }

    /// The organisation's incidents, newest change first (audited).
    func list(for principal: Principal, context: HubRequestContext) async throws -> [IncidentRecord] {
        let records = try await reporting.incidents.list(reporter: principal.organisation.id)
        try await hub.audit.append(.by(context, action: "incident.list", objectType: "incident", details: ["count": String(records.count)]))
        return records
    }

    /// What the organisation has received, newest first (audited).
    func inbox(for principal: Principal, context: HubRequestContext) async throws -> [DeliveryRecord] {
        let deliveries = try await reporting.incidents.inbox(recipient: principal.organisation.id)
        try await hub.audit.append(.by(context, action: "incident.inbox", objectType: "delivery", details: ["count": String(deliveries.count)]))
        return deliveries
    }

    /// Starts an incident with `report` as its first draft; the reporter is always the principal's organisation.
    func create(_ report: IncidentReport, by principal: Principal, context: HubRequestContext) async throws -> (record: IncidentRecord, draft: DraftRecord) {
        let report = ReportInput.attributed(report, to: principal.organisation)
        let now = Date()
        let record = IncidentRecord(reporterOrganisation: principal.organisation.id, category: report.category.rawValue, createdBy: principal.user.username, createdAt: now, updatedAt: now)
        let draft = DraftRecord(incidentID: record.id, json: try ReportInput.json(report), savedBy: principal.user.username, savedAt: now)
        try await reporting.incidents.create(record, draft: draft, audit: .by(context, action: "incident.create", objectType: "incident", objectID: record.id.uuidString.lowercased()))
        return (record, draft)
    }

    /// The incident for its reporting organisation; a recipient gets a 403 saying who may `purpose`.
    func reporterAccess(_ id: UUID, for principal: Principal, context: HubRequestContext, action: String, purpose: String) async throws -> IncidentAccess {
        let access = try await IncidentAccess.load(id, for: principal, reporting: reporting, context: context, action: action)
        guard access.relation == .reporter else {
            throw APIError(.forbidden, code: "not-reporter", "only the reporting organisation may \(purpose)")
        }
        return access
    }

    /// Replaces the draft of an incident the principal reports.
    func saveDraft(_ report: IncidentReport, access: IncidentAccess, by principal: Principal, context: HubRequestContext) async throws -> DraftRecord {
        let report = ReportInput.attributed(report, to: principal.organisation)
        let draft = DraftRecord(incidentID: access.record.id, json: try ReportInput.json(report), savedBy: principal.user.username, savedAt: Date())
        try await reporting.incidents.saveDraft(draft, category: report.category.rawValue, audit: .by(context, action: "incident.draft.save", objectType: "incident", objectID: access.record.id.uuidString.lowercased()))
        return draft
    }

    /// The saved draft's report, if there is a draft.
    func draftReport(of access: IncidentAccess) async throws -> (record: DraftRecord, report: IncidentReport)? {
        guard access.relation == .reporter, let draft = try await reporting.incidents.draft(incidentID: access.record.id) else { return nil }
        return (draft, try ReportInput.decode(draft.json))
    }
}
