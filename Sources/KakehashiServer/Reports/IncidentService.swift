import Foundation
import KakehashiCore
import KakehashiStorage

/// The incident operations that the REST API and the pages share: each checks who asks, writes together
/// with its audit record and answers stored or domain values, so a page can never do what the API would refuse.
struct IncidentService: Sendable {
    let reporting: Reporting

    var hub: Hub { reporting.hub }

    /// What came of a submission.
    enum SubmitResult: Sendable {
        case accepted(ReportSubmitter.Outcome)
        /// Refused for missing fields; the report was kept as the draft.
        case refused(SubmissionRefusal)
    }

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

    /// Submits `report` as `kind`: validated against every applicable stage, routed, delivered. A refusal keeps
    /// the report as the draft, so nothing typed is lost.
    /// - Throws: ``APIError`` 409 when `kind` is out of order (initial first and once, nothing after the final report).
    func submit(_ report: IncidentReport, kind: SubmissionKind, access: IncidentAccess, by principal: Principal, context: HubRequestContext) async throws -> SubmitResult {
        try Self.checkOrder(kind, record: access.record)
        let report = ReportInput.attributed(report, to: principal.organisation)
        let objectID = access.record.id.uuidString.lowercased()
        do {
            return .accepted(try await ReportSubmitter(reporting: reporting, logger: context.logger).submit(
                report, kind: kind, access: access, username: principal.user.username, organisation: principal.organisation,
                audit: .by(context, action: "incident.submit", objectType: "incident", objectID: objectID)))
        } catch let refusal as SubmissionRefusal {
            let draft = DraftRecord(incidentID: access.record.id, json: try ReportInput.json(report), savedBy: principal.user.username, savedAt: Date())
            let fields = refusal.missing.map(\.field.rawValue).joined(separator: ",")
            try await reporting.incidents.saveDraft(draft, category: report.category.rawValue, audit: .by(
                context, action: "incident.submit.refused", objectType: "incident", objectID: objectID, details: ["kind": kind.rawValue, "missing": fields]))
            return .refused(refusal)
        }
    }

    /// Initial first and once; updates and the final report after it; nothing after the final report.
    static func checkOrder(_ kind: SubmissionKind, record: IncidentRecord) throws {
        if record.status == .closed {
            throw APIError(.conflict, code: "incident-closed", "the final report was submitted already; the incident is closed", field: "kind")
        }
        if kind == .initial, record.latestVersion > 0 {
            throw APIError(.conflict, code: "already-reported", "the initial report was submitted already (version 1); send an update or the final report", field: "kind")
        }
        if kind != .initial, record.latestVersion == 0 {
            throw APIError(.conflict, code: "not-yet-reported", "submit the initial report first", field: "kind")
        }
    }

    /// The recipient confirms receipt of a delivery. Anyone but the recipient organisation is refused (403,
    /// audited); an unknown receipt, or one of another incident, is a 404 (audited).
    func acknowledge(incidentID: UUID, receipt: UUID, by principal: Principal, context: HubRequestContext) async throws -> DeliveryRecord {
        let receiptText = receipt.uuidString.lowercased()
        guard let delivery = try await reporting.incidents.delivery(id: receipt), delivery.incidentID == incidentID else {
            try await hub.audit.append(.by(context, action: "delivery.acknowledge.denied", objectType: "delivery", objectID: receiptText, details: ["reason": "not-found"]))
            throw APIError(.notFound, code: "not-found", "incident \(incidentID.uuidString.lowercased()) has no delivery with the receipt id \(receiptText)")
        }
        guard delivery.recipientOrganisation == principal.organisation.id, principal.allows(.report) else {
            try await hub.audit.append(.by(context, action: "delivery.acknowledge.denied", objectType: "delivery", objectID: receiptText, details: ["reason": "not-recipient"]))
            throw APIError(.forbidden, code: "not-recipient", "only the organisation the report was delivered to may acknowledge it")
        }
        return try await reporting.incidents.acknowledge(id: receipt, by: principal.user.username, at: Date(), audit: .by(
            context, action: "delivery.acknowledge", objectType: "delivery", objectID: receiptText,
            details: ["incident": incidentID.uuidString.lowercased(), "version": String(delivery.version)]))
    }

    /// Where each stage of each applicable regime stands now. Before the first submission the draft's facts
    /// start the clocks, so a reporter sees what is due while still writing.
    func deadlines(of access: IncidentAccess, draft: IncidentReport?, now: Date = Date()) async throws -> [StageDeadline] {
        var incident = try access.domainIncident()
        if incident.submissions.isEmpty, let draft { incident = incident.appending(draft, kind: .draft, at: now) }
        return DeadlineCalculator.deadlines(for: incident, regimes: try await reporting.regimes.active().catalogue, now: now)
    }
}
