import Foundation
import KakehashiCore
import SQLKit

/// Organisations' self-assessments against checklists. Every saving is kept; readers get the newest.
public struct AssessmentRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Saves an assessment (a new version; earlier ones stay).
    public func save(_ assessment: ChecklistAssessment, audit: AuditRecord) async throws {
        let engine = database.engine
        let responses = String(decoding: try Self.encoder.encode(assessment.responses), as: UTF8.self)
        try await database.transaction { db in
            try await db.insert(into: "self_assessments")
                .columns("id", "organisation_id", "checklist_id", "checklist_version", "responses", "submitted_by", "submitted_at")
                .values(SQLBind(UUID().dbText), SQLBind(assessment.organisationID.dbText), SQLBind(assessment.checklistID), SQLBind(assessment.checklistVersion),
                        SQLBind(responses), SQLBind(assessment.submittedBy), SQLBind(assessment.submittedAt.micros))
                .run()
            try await AuditLog.append(audit, on: db, engine: engine, now: assessment.submittedAt)
        }
    }

    /// The newest assessment of `checklist` by each organisation (or by those in `organisations`).
    /// Older savings are skipped before their answers are decoded.
    public func latest(checklist: String, organisations: Set<UUID>? = nil) async throws -> [UUID: ChecklistAssessment] {
        if let organisations, organisations.isEmpty { return [:] }
        return try await database.read { db in
            var query = db.select().column("*").from("self_assessments").where("checklist_id", .equal, checklist)
            if let organisations { query = query.where("organisation_id", .in, organisations.map(\.dbText)) }
            var newest: [UUID: ChecklistAssessment] = [:]
            for row in try await query.orderBy("submitted_at", .descending).orderBy("id", .descending).all() {
                let organisation = try row.uuid("organisation_id")
                guard newest[organisation] == nil else { continue }
                let responses = try Self.decoder.decode([String: ChecklistAssessment.Response].self, from: Data(try row.decode(column: "responses", as: String.self).utf8))
                newest[organisation] = ChecklistAssessment(
                    organisationID: organisation, checklistID: checklist, checklistVersion: try row.decode(column: "checklist_version", as: String.self),
                    responses: responses, submittedBy: try row.decode(column: "submitted_by", as: String.self), submittedAt: try row.date("submitted_at"))
            }
            return newest
        }
    }

    private static let encoder = JSONEncoder.hub(escapingSlashes: true)
    private static let decoder = JSONDecoder()
}
