import Foundation

/// Where an organisation wants to be told about deliveries, and the shared secret that signs the calls.
public struct WebhookEndpoint: Sendable, Equatable {
    public var id: UUID
    public var organisationID: UUID
    /// An `http` or `https` URL.
    public var url: String
    /// The HMAC-SHA256 key; stored as given because signing needs it, and never logged or shown again.
    public var secret: String
    public var active: Bool
    public var createdAt: Date

    public init(id: UUID = UUID(), organisationID: UUID, url: String, secret: String, active: Bool = true, createdAt: Date = Date()) {
        self.id = id
        self.organisationID = organisationID
        self.url = url
        self.secret = secret
        self.active = active
        self.createdAt = createdAt
    }
}

/// One event for one endpoint: queued, retried, and finally delivered or given up.
public struct WebhookDelivery: Sendable, Equatable {
    /// Where the call stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        case pending
        case delivered
        /// Given up after the last attempt.
        case failed
    }

    public var id: UUID
    public var endpointID: UUID
    public var event: String
    /// The exact body that is signed and sent.
    public var payload: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The HTTP status of the last attempt, if it got an answer.
    public var lastStatus: Int?
    /// Why the last attempt failed.
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?
}

/// A due webhook call with what is needed to make it.
public struct DueWebhook: Sendable {
    public var delivery: WebhookDelivery
    public var url: String
    public var secret: String
}
