import SQLKit

extension Migrations {
    /// Incident reporting: incidents, their immutable submissions and working drafts, deliveries to
    /// recipient organisations, the authority → organisation map, the active regime catalogue,
    /// webhook endpoints with their delivery log, and the e-mail outbox.
    static let reportsSchema = Migration(version: 4, name: "reports") { db, _ in
        try await db.create(table: Schema.Incidents.table)
            .column(Schema.Incidents.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.Incidents.reporterOrg, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.Incidents.status, type: .text, .notNull)
            .column(Schema.Incidents.category, type: .text, .notNull)
            .column(Schema.Incidents.latestVersion, type: .bigint, .notNull)
            .column(Schema.Incidents.createdBy, type: .text, .notNull)
            .column(Schema.Incidents.createdAt, type: .bigint, .notNull)
            .column(Schema.Incidents.updatedAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "incidents_reporter").on(Schema.Incidents.table).column(Schema.Incidents.reporterOrg).column(Schema.Incidents.updatedAt).run()

        // One working copy per incident, overwritten by every save; kept when a submission is refused.
        try await db.create(table: Schema.IncidentDrafts.table)
            .column(Schema.IncidentDrafts.incidentID, type: .text, .primaryKey(autoIncrement: false), .references(Schema.Incidents.table, Schema.Incidents.id))
            .column(Schema.IncidentDrafts.json, type: .text, .notNull)
            .column(Schema.IncidentDrafts.savedBy, type: .text, .notNull)
            .column(Schema.IncidentDrafts.savedAt, type: .bigint, .notNull)
            .run()

        // Versions 1, 2, 3… per incident, never updated. The primary key makes a second writer of the
        // same version fail, and at most one initial and one final report exist per incident.
        try await db.create(table: Schema.IncidentSubmissions.table)
            .column(Schema.IncidentSubmissions.incidentID, type: .text, .notNull, .references(Schema.Incidents.table, Schema.Incidents.id))
            .column(Schema.IncidentSubmissions.version, type: .bigint, .notNull)
            .column(Schema.IncidentSubmissions.kind, type: .text, .notNull)
            .column(Schema.IncidentSubmissions.json, type: .text, .notNull)
            .column(Schema.IncidentSubmissions.unassigned, type: .text, .notNull)
            .column(Schema.IncidentSubmissions.submittedBy, type: .text, .notNull)
            .column(Schema.IncidentSubmissions.submittedAt, type: .bigint, .notNull)
            .primaryKey(Schema.IncidentSubmissions.incidentID, Schema.IncidentSubmissions.version)
            .run()
        try await db.raw("CREATE UNIQUE INDEX incident_submissions_once ON incident_submissions (incident_id, kind) WHERE kind IN ('initial', 'final')").run()

        try await db.create(table: Schema.IncidentDeliveries.table)
            .column(Schema.IncidentDeliveries.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.IncidentDeliveries.incidentID, type: .text, .notNull, .references(Schema.Incidents.table, Schema.Incidents.id))
            .column(Schema.IncidentDeliveries.version, type: .bigint, .notNull)
            .column(Schema.IncidentDeliveries.recipientOrg, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.IncidentDeliveries.authorities, type: .text, .notNull)
            .column(Schema.IncidentDeliveries.regimes, type: .text, .notNull)
            .column(Schema.IncidentDeliveries.deliveredAt, type: .bigint, .notNull)
            .column(Schema.IncidentDeliveries.state, type: .text, .notNull)
            .column(Schema.IncidentDeliveries.acknowledgedBy, type: .text)
            .column(Schema.IncidentDeliveries.acknowledgedAt, type: .bigint)
            .run()
        try await db.create(index: "incident_deliveries_once").unique().on(Schema.IncidentDeliveries.table)
            .column(Schema.IncidentDeliveries.incidentID).column(Schema.IncidentDeliveries.version).column(Schema.IncidentDeliveries.recipientOrg).run()
        try await db.create(index: "incident_deliveries_inbox").on(Schema.IncidentDeliveries.table).column(Schema.IncidentDeliveries.recipientOrg).column(Schema.IncidentDeliveries.deliveredAt).run()

        try await db.create(table: Schema.AuthorityRecipients.table)
            .column(Schema.AuthorityRecipients.authorityID, type: .text, .notNull)
            .column(Schema.AuthorityRecipients.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.AuthorityRecipients.createdAt, type: .bigint, .notNull)
            .primaryKey(Schema.AuthorityRecipients.authorityID, Schema.AuthorityRecipients.organisationID)
            .run()

        try await db.create(table: Schema.RegimeCatalogues.table)
            .column(Schema.RegimeCatalogues.version, type: .bigint, .primaryKey(autoIncrement: false))
            .column(Schema.RegimeCatalogues.json, type: .text, .notNull)
            .column(Schema.RegimeCatalogues.createdBy, type: .text, .notNull)
            .column(Schema.RegimeCatalogues.createdAt, type: .bigint, .notNull)
            .run()

        try await db.create(table: Schema.WebhookEndpoints.table)
            .column(Schema.WebhookEndpoints.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.WebhookEndpoints.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.WebhookEndpoints.url, type: .text, .notNull)
            .column(Schema.WebhookEndpoints.secret, type: .text, .notNull)
            .column(Schema.WebhookEndpoints.active, type: .bigint, .notNull)
            .column(Schema.WebhookEndpoints.createdAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "webhook_endpoints_org").on(Schema.WebhookEndpoints.table).column(Schema.WebhookEndpoints.organisationID).run()

        // The queue and the log in one: a row per event per endpoint, retried until delivered or given up.
        try await db.create(table: Schema.WebhookDeliveries.table)
            .column(Schema.WebhookDeliveries.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.WebhookDeliveries.endpointID, type: .text, .notNull, .references(Schema.WebhookEndpoints.table, Schema.WebhookEndpoints.id))
            .column(Schema.WebhookDeliveries.event, type: .text, .notNull)
            .column(Schema.WebhookDeliveries.payload, type: .text, .notNull)
            .column(Schema.WebhookDeliveries.state, type: .text, .notNull)
            .column(Schema.WebhookDeliveries.attempts, type: .bigint, .notNull)
            .column(Schema.WebhookDeliveries.nextAttemptAt, type: .bigint, .notNull)
            .column(Schema.WebhookDeliveries.lastStatus, type: .bigint)
            .column(Schema.WebhookDeliveries.lastError, type: .text)
            .column(Schema.WebhookDeliveries.createdAt, type: .bigint, .notNull)
            .column(Schema.WebhookDeliveries.deliveredAt, type: .bigint)
            .run()
        try await db.create(index: "webhook_deliveries_due").on(Schema.WebhookDeliveries.table).column(Schema.WebhookDeliveries.state).column(Schema.WebhookDeliveries.nextAttemptAt).run()

        try await db.create(table: Schema.EmailOutbox.table)
            .column(Schema.EmailOutbox.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.EmailOutbox.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.EmailOutbox.subject, type: .text, .notNull)
            .column(Schema.EmailOutbox.body, type: .text, .notNull)
            .column(Schema.EmailOutbox.createdAt, type: .bigint, .notNull)
            .column(Schema.EmailOutbox.sentAt, type: .bigint)
            .run()
        try await db.create(index: "email_outbox_created").on(Schema.EmailOutbox.table).column(Schema.EmailOutbox.createdAt).run()
    }
}
