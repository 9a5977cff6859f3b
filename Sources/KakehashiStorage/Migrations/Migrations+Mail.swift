import SQLKit

extension Migrations {
    /// Sending the e-mail outbox: where each organisation wants to be written to, and the outbox rows
    /// become a queue like `webhook_deliveries` (state, attempts, when to try next, the last SMTP reply).
    ///
    /// Rows queued before this migration start as `pending` and due at once.
    static let mailSchema = Migration(version: 6, name: "mail") { db, _ in
        try await db.create(table: "organisation_notification_emails")
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("address", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .primaryKey("organisation_id", "address")
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
        try await db.create(index: "email_outbox_due").on("email_outbox").column("state").column("next_attempt_at").run()
    }
}
