import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

/// Validates, routes and commits one submission; the API and the demo seed both go through it.
struct ReportSubmitter: Sendable {
    let reporting: Reporting
    var logger = Logger(label: "kakehashi.reports")

    /// What an accepted submission produced.
    struct Outcome: Sendable {
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

    /// Submits `report` as `kind` for the incident in `access`.
    ///
    /// - Throws: ``SubmissionRefusal`` when fields are missing (nothing is written);
    ///   ``StorageError`` `conflict` when another submission was committed meanwhile.
    func submit(_ report: IncidentReport, kind: SubmissionKind, access: IncidentAccess, username: String, organisation: Organisation, audit: AuditRecord) async throws -> Outcome {
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
        return Outcome(version: version, submittedAt: now, deliveries: deliveries, unassigned: routing.unassigned, deadlines: deadlines, incident: updated,
                       shared: shared, sharingProblem: problem)
    }
}
