// Tables and columns of incident reporting.
import SQLKit

extension Schema {
    /// `incidents`: incidents.
    enum Incidents {
        static let table = SQLIdentifier("incidents")
        static let id = SQLIdentifier("id")
        static let reporterOrg = SQLIdentifier("reporter_org")
        static let status = SQLIdentifier("status")
        static let category = SQLIdentifier("category")
        static let latestVersion = SQLIdentifier("latest_version")
        static let createdBy = SQLIdentifier("created_by")
        static let createdAt = SQLIdentifier("created_at")
        static let updatedAt = SQLIdentifier("updated_at")
    }

    /// `incident_drafts`: an incident's one saved draft.
    enum IncidentDrafts {
        static let table = SQLIdentifier("incident_drafts")
        static let incidentID = SQLIdentifier("incident_id")
        static let json = SQLIdentifier("json")
        static let savedBy = SQLIdentifier("saved_by")
        static let savedAt = SQLIdentifier("saved_at")
    }

    /// `incident_submissions`: immutable submitted versions of incidents.
    enum IncidentSubmissions {
        static let table = SQLIdentifier("incident_submissions")
        static let incidentID = SQLIdentifier("incident_id")
        static let version = SQLIdentifier("version")
        static let kind = SQLIdentifier("kind")
        static let json = SQLIdentifier("json")
        static let unassigned = SQLIdentifier("unassigned")
        static let submittedBy = SQLIdentifier("submitted_by")
        static let submittedAt = SQLIdentifier("submitted_at")
    }

    /// `incident_deliveries`: which organisation received which submitted version.
    enum IncidentDeliveries {
        static let table = SQLIdentifier("incident_deliveries")
        static let id = SQLIdentifier("id")
        static let incidentID = SQLIdentifier("incident_id")
        static let version = SQLIdentifier("version")
        static let recipientOrg = SQLIdentifier("recipient_org")
        static let authorities = SQLIdentifier("authorities")
        static let regimes = SQLIdentifier("regimes")
        static let deliveredAt = SQLIdentifier("delivered_at")
        static let state = SQLIdentifier("state")
        static let acknowledgedBy = SQLIdentifier("acknowledged_by")
        static let acknowledgedAt = SQLIdentifier("acknowledged_at")
    }

    /// `authority_recipients`: organisations receiving reports for an authority id.
    enum AuthorityRecipients {
        static let table = SQLIdentifier("authority_recipients")
        static let authorityID = SQLIdentifier("authority_id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `regime_catalogues`: regime catalogue versions; the newest is active.
    enum RegimeCatalogues {
        static let table = SQLIdentifier("regime_catalogues")
        static let version = SQLIdentifier("version")
        static let json = SQLIdentifier("json")
        static let createdBy = SQLIdentifier("created_by")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `webhook_endpoints`: webhook endpoints per organisation.
    enum WebhookEndpoints {
        static let table = SQLIdentifier("webhook_endpoints")
        static let id = SQLIdentifier("id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let url = SQLIdentifier("url")
        static let secret = SQLIdentifier("secret")
        static let active = SQLIdentifier("active")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `webhook_deliveries`: the webhook queue, which is also its delivery log.
    enum WebhookDeliveries {
        static let table = SQLIdentifier("webhook_deliveries")
        static let id = SQLIdentifier("id")
        static let endpointID = SQLIdentifier("endpoint_id")
        static let event = SQLIdentifier("event")
        static let payload = SQLIdentifier("payload")
        static let state = SQLIdentifier("state")
        static let attempts = SQLIdentifier("attempts")
        static let nextAttemptAt = SQLIdentifier("next_attempt_at")
        static let lastStatus = SQLIdentifier("last_status")
        static let lastError = SQLIdentifier("last_error")
        static let createdAt = SQLIdentifier("created_at")
        static let deliveredAt = SQLIdentifier("delivered_at")
    }

    /// `email_outbox`: the e-mail outbox and its sending queue.
    enum EmailOutbox {
        static let table = SQLIdentifier("email_outbox")
        static let id = SQLIdentifier("id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let subject = SQLIdentifier("subject")
        static let body = SQLIdentifier("body")
        static let createdAt = SQLIdentifier("created_at")
        static let sentAt = SQLIdentifier("sent_at")
        static let state = SQLIdentifier("state")
        static let attempts = SQLIdentifier("attempts")
        static let nextAttemptAt = SQLIdentifier("next_attempt_at")
        static let recipients = SQLIdentifier("recipients")
        static let lastError = SQLIdentifier("last_error")
    }
}
