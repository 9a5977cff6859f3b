import SQLKit

extension Migrations {
    /// The sector status board: campaigns the national center or an ISAC opens, and every status report
    /// operators file during one (kept, the newest per organisation counts).
    static let campaignsSchema = Migration(version: 7, name: "campaigns") { db, _ in
        try await db.create(table: "campaigns")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("title_ja", type: .text, .notNull)
            .column("title_en", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("sectors", type: .text, .notNull)
            .column("opened_by", type: .text, .notNull, .references("organisations", "id"))
            .column("opened_at", type: .bigint, .notNull)
            .column("closed_at", type: .bigint)
            .run()
        try await db.create(table: "status_reports")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("campaign_id", type: .text, .notNull, .references("campaigns", "id"))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("state", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("reported_by", type: .text, .notNull)
            .column("reported_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "status_reports_campaign").on("status_reports").column("campaign_id").column("organisation_id").column("reported_at").run()
    }
}
