import Foundation
import KakehashiCore
import SQLKit

extension IncidentRepository {
    /// Commits a submission: the new version, one delivery per recipient organisation, the queued
    /// notifications and the audit entry, all or nothing. The draft is removed.
    ///
    /// - Throws: ``StorageError`` `conflict` when another submission was committed since the server read
    ///   version `plan.expectedVersion` (the loser of two concurrent submits), `notFound` for an unknown incident.
    public func submit(_ plan: SubmissionPlan, audit: AuditRecord) async throws {
        let id = plan.submission.incidentID
        do {
            try await database.transaction { db in
                let current = try await Self.lock(id, on: db)
                guard current.latestVersion == plan.expectedVersion, plan.submission.version == plan.expectedVersion + 1 else {
                    throw StorageError(.conflict, "incident \(id.dbText) is at version \(current.latestVersion), not \(plan.expectedVersion): another submission was made meanwhile; reload the incident and submit again")
                }
                let submission = plan.submission
                try await db.insert(into: Schema.IncidentSubmissions.table)
                    .columns(Schema.IncidentSubmissions.incidentID, Schema.IncidentSubmissions.version, Schema.IncidentSubmissions.kind, Schema.IncidentSubmissions.json, Schema.IncidentSubmissions.unassigned, Schema.IncidentSubmissions.submittedBy, Schema.IncidentSubmissions.submittedAt)
                    .values(
                        SQLBind(id.dbText), SQLBind(Int64(submission.version)), SQLBind(submission.kind.rawValue), SQLBind(submission.json),
                        SQLBind(submission.unassignedAuthorities.joined(separator: ",")), SQLBind(submission.submittedBy), SQLBind(submission.submittedAt.micros)
                    )
                    .run()
                for delivery in plan.deliveries {
                    try await db.insert(into: Schema.IncidentDeliveries.table)
                        .columns(Schema.IncidentDeliveries.id, Schema.IncidentDeliveries.incidentID, Schema.IncidentDeliveries.version, Schema.IncidentDeliveries.recipientOrg, Schema.IncidentDeliveries.authorities, Schema.IncidentDeliveries.regimes, Schema.IncidentDeliveries.deliveredAt, Schema.IncidentDeliveries.state, Schema.IncidentDeliveries.acknowledgedBy, Schema.IncidentDeliveries.acknowledgedAt)
                        .values(
                            SQLBind(delivery.id.dbText), SQLBind(id.dbText), SQLBind(Int64(delivery.version)), SQLBind(delivery.recipientOrganisation.dbText),
                            SQLBind(delivery.authorities.joined(separator: ",")), SQLBind(delivery.regimes.joined(separator: ",")),
                            SQLBind(delivery.deliveredAt.micros), SQLBind(delivery.state.rawValue), SQLBind(delivery.acknowledgedBy), SQLBind(delivery.acknowledgedAt?.micros)
                        )
                        .run()
                }
                for notification in plan.notifications {
                    try await WebhookRepository.enqueue(notification, on: db, now: submission.submittedAt)
                    try await EmailOutbox.enqueue(notification, on: db, now: submission.submittedAt)
                }
                try await db.update(Schema.Incidents.table)
                    .set(Schema.Incidents.latestVersion, to: Int64(submission.version)).set(Schema.Incidents.status, to: plan.status.rawValue)
                    .set(Schema.Incidents.category, to: plan.category).set(Schema.Incidents.updatedAt, to: submission.submittedAt.micros)
                    .where(Schema.Incidents.id, .equal, id.dbText).run()
                try await db.delete(from: Schema.IncidentDrafts.table).where(Schema.IncidentDrafts.incidentID, .equal, id.dbText).run()
                try await AuditLog.append(audit, on: db, now: submission.submittedAt)
            }
        } catch let error where StorageError.isUniqueViolation(error) {
            throw StorageError(.conflict, "incident \(id.dbText) already has version \(plan.submission.version) or a \(plan.submission.kind.rawValue) report: another submission was made meanwhile; reload the incident")
        }
    }
}
