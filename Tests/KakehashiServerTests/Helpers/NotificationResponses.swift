import Foundation

/// An entry of `GET /api/v1/webhooks/{id}/deliveries` (`WebhookController.AttemptView`).
struct WebhookAttemptResponse: Decodable {
    let state: String
    let attempts: Int
    let lastError: String?
}

/// The body a webhook receiver gets for `incident.delivered`.
struct WebhookPayload: Decodable {
    let incidentID: String
}

/// An entry of `GET /api/v1/outbox`.
struct OutboxMessageResponse: Decodable {
    let organisationID: String
    let state: String
    let body: String
}
