import SQLKit

extension Migrations {
    /// Sending the e-mail outbox: where each organisation wants to be written to, and the outbox rows
    /// become a queue like `webhook_deliveries` (state, attempts, when to try next, the last SMTP reply).
    ///
    /// Rows queued before this migration start as `pending` and due at once.
    static let mailSchema = Migration(version: 6, name: "mail") { db, _ in
        try await db.create(table: Schema.OrganisationNotificationEmails.table)
            .column(Schema.OrganisationNotificationEmails.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.OrganisationNotificationEmails.address, type: .text, .notNull)
            .column(Schema.OrganisationNotificationEmails.position, type: .bigint, .notNull)
            .column(Schema.OrganisationNotificationEmails.createdAt, type: .bigint, .notNull)
            .primaryKey(Schema.OrganisationNotificationEmails.organisationID, Schema.OrganisationNotificationEmails.address)
            .run()

        // SQLite adds one column per ALTER TABLE, so one statement each (PostgreSQL reads them alike).
        for column in [
            "state TEXT NOT NULL DEFAULT 'pending'",
            "attempts BIGINT NOT NULL DEFAULT 0",
            "next_attempt_at BIGINT NOT NULL DEFAULT 0",
            "recipients TEXT",
            "last_error TEXT",
        ] {
            try await db.raw("ALTER TABLE email_outbox ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await db.create(index: "email_outbox_due").on(Schema.EmailOutbox.table).column(Schema.EmailOutbox.state).column(Schema.EmailOutbox.nextAttemptAt).run()
    }
}
