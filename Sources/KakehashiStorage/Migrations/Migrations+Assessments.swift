import SQLKit

extension Migrations {
    /// Self-assessment checklists: every saving of an organisation's answers (the newest counts).
    static let assessmentsSchema = Migration(version: 8, name: "assessments") { db, _ in
        try await db.create(table: "self_assessments")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("checklist_id", type: .text, .notNull)
            .column("checklist_version", type: .text, .notNull)
            .column("responses", type: .text, .notNull)
            .column("submitted_by", type: .text, .notNull)
            .column("submitted_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "self_assessments_latest").on("self_assessments").column("checklist_id").column("organisation_id").column("submitted_at").run()
    }
}
