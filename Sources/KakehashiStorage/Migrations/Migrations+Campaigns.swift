import SQLKit

extension Migrations {
    /// The sector status board: campaigns the national center or an ISAC opens, and every status report
    /// operators file during one (kept, the newest per organisation counts).
    static let campaignsSchema = Migration(version: 7, name: "campaigns") { db, _ in
        try await db.create(table: Schema.Campaigns.table)
            .column(Schema.Campaigns.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.Campaigns.titleJa, type: .text, .notNull)
            .column(Schema.Campaigns.titleEn, type: .text, .notNull)
            .column(Schema.Campaigns.summary, type: .text, .notNull)
            .column(Schema.Campaigns.sectors, type: .text, .notNull)
            .column(Schema.Campaigns.openedBy, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.Campaigns.openedAt, type: .bigint, .notNull)
            .column(Schema.Campaigns.closedAt, type: .bigint)
            .run()
        try await db.create(table: Schema.StatusReports.table)
            .column(Schema.StatusReports.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.StatusReports.campaignID, type: .text, .notNull, .references(Schema.Campaigns.table, Schema.Campaigns.id))
            .column(Schema.StatusReports.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.StatusReports.state, type: .text, .notNull)
            .column(Schema.StatusReports.note, type: .text, .notNull)
            .column(Schema.StatusReports.reportedBy, type: .text, .notNull)
            .column(Schema.StatusReports.reportedAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "status_reports_campaign").on(Schema.StatusReports.table).column(Schema.StatusReports.campaignID).column(Schema.StatusReports.organisationID).column(Schema.StatusReports.reportedAt).run()
    }
}
