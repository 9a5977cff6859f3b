import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

extension IncidentService {
    /// What came of a submission.
    enum SubmitResult: Sendable {
        case accepted(Accepted)
        /// Refused for missing fields; the report was kept as the draft.
        case refused(SubmissionRefusal)
    }

    /// What an accepted submission produced.
    struct Accepted: Sendable {
        let version: Int
        let submittedAt: Date
        let deliveries: [DeliveryRecord]
        let unassigned: [String]
        let deadlines: [DeadlineSummary]
        /// The incident with the new version and its deliveries.
        let incident: Incident
        /// TAXII collections the shareable bundle went into (reporter's consent).
        let shared: [IncidentSharing.Published]
        /// Why sharing failed, if it did; the submission stands regardless.
        let sharingProblem: String?
    }

    /// Submits `report` as `kind` for the principal: validated against every applicable stage, routed, delivered.
    /// A refusal keeps the report as the draft, so nothing typed is lost.
    /// - Throws: ``APIError`` 409 when `kind` is out of order (initial first and once, nothing after the final report).
    func submit(_ report: IncidentReport, kind: SubmissionKind, access: IncidentAccess, by principal: Principal, context: HubRequestContext) async throws -> SubmitResult {
        try Self.checkOrder(kind, record: access.record)
        let report = ReportInput.attributed(report, to: principal.organisation)
        let objectID = access.record.id.uuidString.lowercased()
        do {
            return .accepted(try await commit(
                report, kind: kind, access: access, username: principal.user.username, organisation: principal.organisation,
                audit: .by(context, action: "incident.submit", objectType: "incident", objectID: objectID), logger: context.logger))
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

    /// Validates, routes and commits one submission of `report` as `kind` for the incident in `access`, then
    /// shares it where the reporter consented. ``submit(_:kind:access:by:context:)`` and the demo seed both end here.
    ///
    /// - Throws: ``SubmissionRefusal`` when fields are missing (nothing is written);
    ///   ``StorageError`` `conflict` when another submission was committed meanwhile.
    func commit(_ report: IncidentReport, kind: SubmissionKind, access: IncidentAccess, username: String, organisation: Organisation, audit: AuditRecord, logger: Logger) async throws -> Accepted {
        let record = access.record
        let incident = try access.domainIncident()
        let (regimes, regimesVersion) = try await reporting.regimes.active()
        try SubmissionValidator.validate(report, kind: kind, incident: incident, regimes: regimes)

        let now = Date()
        let version = record.latestVersion + 1
        let routes = SubmissionRoute.routes(for: report, kind: kind, incident: incident, regimes: regimes)
        let routing = SubmissionRouting(routes: routes, directory: try await reporting.authorities.all())
        let deliveries = routing.recipients.map {
            DeliveryRecord(incidentID: record.id, version: version, recipientOrganisation: $0.organisation, authorities: $0.authorities, regimes: $0.regimes, deliveredAt: now)
        }
        let notifications = try deliveries.map { try DeliveryNotice($0, kind: kind, reporter: organisation).planned() }
        let submission = SubmissionRecord(incidentID: record.id, version: version, kind: kind, json: try ReportInput.json(report),
                                          unassignedAuthorities: routing.unassigned, submittedBy: username, submittedAt: now)
        let plan = SubmissionPlan(expectedVersion: record.latestVersion, submission: submission, status: kind == .final ? .closed : .reported,
                                  category: report.category.rawValue, deliveries: deliveries, notifications: notifications)
        var audit = audit
        audit.details.merge([
            "kind": kind.rawValue, "version": String(version), "recipients": String(deliveries.count),
            "regimes": routes.map(\.regime.id).joined(separator: ","), "regimes.version": String(regimesVersion),
            "unassigned": routing.unassigned.joined(separator: ","),
        ]) { _, new in new }
        try await reporting.incidents.submit(plan, audit: audit)

        var updated = incident.appending(report, kind: kind, at: now)
        for route in routes where !routing.undeliveredRegimes.contains(route.regime.id) {
            try updated.record(SubmissionDelivery(submissionVersion: version, regimeID: route.regime.id, deliveredAt: now))
        }
        let zone = report.times.timeZone
        let deadlines = DeadlineCalculator.deadlines(for: updated, regimes: regimes, now: now).map { $0.summary(timeZone: zone) }
        // Sharing runs after the submission committed: the legal delivery never waits on, or fails with, the community copy.
        var shared: [IncidentSharing.Published] = []
        var problem: String?
        do {
            let outcome = try await IncidentSharing(hub: reporting.hub).publish(updated, reporter: organisation, audit: audit)
            shared = outcome.published
            if !outcome.refused.isEmpty { problem = "the hub's STIX validator refused \(outcome.refused.joined(separator: ", "))" }
        } catch {
            logger.error("sharing the incident failed", metadata: ["incident.id": "\(record.id)", "error": "\(error)"])
            problem = "the shareable bundle could not be stored; the submission itself was delivered"
        }
        return Accepted(version: version, submittedAt: now, deliveries: deliveries, unassigned: routing.unassigned, deadlines: deadlines, incident: updated,
                        shared: shared, sharingProblem: problem)
    }
}
