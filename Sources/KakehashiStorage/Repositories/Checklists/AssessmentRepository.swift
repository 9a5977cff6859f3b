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
        let responses = String(decoding: try Self.encoder.encode(assessment.responses), as: UTF8.self)
        try await database.transaction { db in
            try await db.insert(into: Schema.SelfAssessments.table)
                .columns(Schema.SelfAssessments.id, Schema.SelfAssessments.organisationID, Schema.SelfAssessments.checklistID, Schema.SelfAssessments.checklistVersion, Schema.SelfAssessments.responses, Schema.SelfAssessments.submittedBy, Schema.SelfAssessments.submittedAt)
                .values(SQLBind(UUID().dbText), SQLBind(assessment.organisationID.dbText), SQLBind(assessment.checklistID), SQLBind(assessment.checklistVersion),
                        SQLBind(responses), SQLBind(assessment.submittedBy), SQLBind(assessment.submittedAt.micros))
                .run()
            try await AuditLog.append(audit, on: db, now: assessment.submittedAt)
        }
    }

    /// The newest assessment of `checklist` by each organisation (or by those in `organisations`).
    /// Older savings are skipped before their answers are decoded.
    public func latest(checklist: String, organisations: Set<UUID>? = nil) async throws -> [UUID: ChecklistAssessment] {
        if let organisations, organisations.isEmpty { return [:] }
        return try await database.read { db in
            var query = db.select().column("*").from(Schema.SelfAssessments.table).where(Schema.SelfAssessments.checklistID, .equal, checklist)
            if let organisations { query = query.where(Schema.SelfAssessments.organisationID, .in, organisations.map(\.dbText)) }
            var newest: [UUID: ChecklistAssessment] = [:]
            for row in try await query.orderBy(Schema.SelfAssessments.submittedAt, .descending).orderBy(Schema.SelfAssessments.id, .descending).all() {
                let organisation = try row.uuid(Schema.SelfAssessments.organisationID)
                guard newest[organisation] == nil else { continue }
                let responses = try Self.decoder.decode([String: ChecklistAssessment.Response].self, from: Data(try row.decode(column: Schema.SelfAssessments.responses, as: String.self).utf8))
                newest[organisation] = ChecklistAssessment(
                    organisationID: organisation, checklistID: checklist, checklistVersion: try row.decode(column: Schema.SelfAssessments.checklistVersion, as: String.self),
                    responses: responses, submittedBy: try row.decode(column: Schema.SelfAssessments.submittedBy, as: String.self), submittedAt: try row.date(Schema.SelfAssessments.submittedAt))
            }
            return newest
        }
    }

    private static let encoder = JSONEncoder.hub(escapingSlashes: true)
    private static let decoder = JSONDecoder()
}
