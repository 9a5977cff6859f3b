import Foundation

/// Where the exchange with one peer stands: its cursors, when it last worked or failed, and its counts.
/// Shown on `/admin/peers` and in `/metrics`; the cursors are what a restart resumes from.
public struct PeerExchangeState: Sendable, Equatable {
    /// The `added_after` to ask the peer for next (its own timestamp text), or nil to start from the beginning.
    public var pullCursor: String?
    /// The local date added (microseconds) of the last version sent to the peer or refused for it.
    public var pushCursor: Int64
    /// The sequence (the peer's) of the last deletion notice taken from a Kakehashi peer.
    public var pullDeletionCursor: Int64
    /// The sequence (this hub's) of the last deletion notice passed to the peer.
    public var pushDeletionCursor: Int64
    /// The hub id a Kakehashi peer reported, once known.
    public var remoteHubID: String?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Failed exchanges in a row; the backoff grows with it and it resets on success.
    public var consecutiveFailures: Int
    public var sent: Int64
    public var received: Int64
    public var refused: Int64
    /// Versions not yet exchanged, as last measured.
    public var lagObjects: Int64
    /// Seconds the oldest such version has waited, as last measured.
    public var lagSeconds: Double

    public init(pullCursor: String? = nil, pushCursor: Int64 = 0, pullDeletionCursor: Int64 = 0, pushDeletionCursor: Int64 = 0, remoteHubID: String? = nil, lastSuccessAt: Date? = nil,
                lastError: String? = nil, lastErrorAt: Date? = nil, consecutiveFailures: Int = 0, sent: Int64 = 0, received: Int64 = 0,
                refused: Int64 = 0, lagObjects: Int64 = 0, lagSeconds: Double = 0) {
        self.pullCursor = pullCursor
        self.pushCursor = pushCursor
        self.pullDeletionCursor = pullDeletionCursor
        self.pushDeletionCursor = pushDeletionCursor
        self.remoteHubID = remoteHubID
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.consecutiveFailures = consecutiveFailures
        self.sent = sent
        self.received = received
        self.refused = refused
        self.lagObjects = lagObjects
        self.lagSeconds = lagSeconds
    }
}

/// A version the hub refused to take from a peer or to send to it, or that the peer reported as failed.
public struct PeerRefusal: Sendable, Equatable {
    public enum Direction: String, Sendable, Codable {
        case inbound = "in"
        case outbound = "out"
    }

    public var peerID: UUID
    public var direction: Direction
    public var objectID: String
    public var version: String?
    /// A stable reason code: an ``EgressPolicy/Refusal/code``, `invalid` for a validation failure, or `peer-failed`.
    public var code: String
    public var reason: String
    public var at: Date

    public init(peerID: UUID, direction: Direction, objectID: String, version: String?, code: String, reason: String, at: Date = Date()) {
        self.peerID = peerID
        self.direction = direction
        self.objectID = objectID
        self.version = version
        self.code = code
        self.reason = reason
        self.at = at
    }
}
