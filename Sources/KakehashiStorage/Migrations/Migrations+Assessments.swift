import SQLKit

extension Migrations {
    /// Self-assessment checklists: every saving of an organisation's answers (the newest counts).
    static let assessmentsSchema = Migration(version: 8, name: "assessments") { db, _ in
        try await db.create(table: Schema.SelfAssessments.table)
            .column(Schema.SelfAssessments.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.SelfAssessments.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.SelfAssessments.checklistID, type: .text, .notNull)
            .column(Schema.SelfAssessments.checklistVersion, type: .text, .notNull)
            .column(Schema.SelfAssessments.responses, type: .text, .notNull)
            .column(Schema.SelfAssessments.submittedBy, type: .text, .notNull)
            .column(Schema.SelfAssessments.submittedAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "self_assessments_latest").on(Schema.SelfAssessments.table).column(Schema.SelfAssessments.checklistID).column(Schema.SelfAssessments.organisationID).column(Schema.SelfAssessments.submittedAt).run()
    }
}
