import SQLKit

extension Migrations {
    /// Incident reporting: incidents, their immutable submissions and working drafts, deliveries to
    /// recipient organisations, the authority → organisation map, the active regime catalogue,
    /// webhook endpoints with their delivery log, and the e-mail outbox.
    static let reportsSchema = Migration(version: 4, name: "reports") { db, _ in
        try await db.create(table: "incidents")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("reporter_org", type: .text, .notNull, .references("organisations", "id"))
            .column("status", type: .text, .notNull)
            .column("category", type: .text, .notNull)
            .column("latest_version", type: .bigint, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "incidents_reporter").on("incidents").column("reporter_org").column("updated_at").run()

        // One working copy per incident, overwritten by every save; kept when a submission is refused.
        try await db.create(table: "incident_drafts")
            .column("incident_id", type: .text, .primaryKey(autoIncrement: false), .references("incidents", "id"))
            .column("json", type: .text, .notNull)
            .column("saved_by", type: .text, .notNull)
            .column("saved_at", type: .bigint, .notNull)
            .run()

        // Versions 1, 2, 3… per incident, never updated. The primary key makes a second writer of the
        // same version fail, and at most one initial and one final report exist per incident.
        try await db.create(table: "incident_submissions")
            .column("incident_id", type: .text, .notNull, .references("incidents", "id"))
            .column("version", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)
            .column("json", type: .text, .notNull)
            .column("unassigned", type: .text, .notNull)
            .column("submitted_by", type: .text, .notNull)
            .column("submitted_at", type: .bigint, .notNull)
            .primaryKey("incident_id", "version")
            .run()
        try await db.raw("CREATE UNIQUE INDEX incident_submissions_once ON incident_submissions (incident_id, kind) WHERE kind IN ('initial', 'final')").run()

        try await db.create(table: "incident_deliveries")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("incident_id", type: .text, .notNull, .references("incidents", "id"))
            .column("version", type: .bigint, .notNull)
            .column("recipient_org", type: .text, .notNull, .references("organisations", "id"))
            .column("authorities", type: .text, .notNull)
            .column("regimes", type: .text, .notNull)
            .column("delivered_at", type: .bigint, .notNull)
            .column("state", type: .text, .notNull)
            .column("acknowledged_by", type: .text)
            .column("acknowledged_at", type: .bigint)
            .run()
        try await db.create(index: "incident_deliveries_once").unique().on("incident_deliveries")
            .column("incident_id").column("version").column("recipient_org").run()
        try await db.create(index: "incident_deliveries_inbox").on("incident_deliveries").column("recipient_org").column("delivered_at").run()

        try await db.create(table: "authority_recipients")
            .column("authority_id", type: .text, .notNull)
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("created_at", type: .bigint, .notNull)
            .primaryKey("authority_id", "organisation_id")
            .run()

        try await db.create(table: "regime_catalogues")
            .column("version", type: .bigint, .primaryKey(autoIncrement: false))
            .column("json", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()

        try await db.create(table: "webhook_endpoints")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("url", type: .text, .notNull)
            .column("secret", type: .text, .notNull)
            .column("active", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "webhook_endpoints_org").on("webhook_endpoints").column("organisation_id").run()

        // The queue and the log in one: a row per event per endpoint, retried until delivered or given up.
        try await db.create(table: "webhook_deliveries")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("endpoint_id", type: .text, .notNull, .references("webhook_endpoints", "id"))
            .column("event", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("attempts", type: .bigint, .notNull)
            .column("next_attempt_at", type: .bigint, .notNull)
            .column("last_status", type: .bigint)
            .column("last_error", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("delivered_at", type: .bigint)
            .run()
        try await db.create(index: "webhook_deliveries_due").on("webhook_deliveries").column("state").column("next_attempt_at").run()

        try await db.create(table: "email_outbox")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("sent_at", type: .bigint)
            .run()
        try await db.create(index: "email_outbox_created").on("email_outbox").column("created_at").run()
    }
}
