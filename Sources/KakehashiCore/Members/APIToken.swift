import Foundation

/// A stored API token: only its hash is kept, never the token itself.
public struct APIToken: Sendable, Codable, Equatable, Identifiable {
    public var id: UUID
    public var userID: UUID
    public var name: String
    /// The first characters of the token, to tell tokens apart in lists.
    public var prefix: String
    public var scopes: Set<TokenScope>
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(id: UUID = UUID(), userID: UUID, name: String, prefix: String, scopes: Set<TokenScope>, createdAt: Date = Date(), expiresAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.name = name
        self.prefix = prefix
        self.scopes = scopes
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token may be used at `now`.
    public func isUsable(at now: Date) -> Bool {
        if revokedAt != nil { return false }
        if let expiresAt, expiresAt <= now { return false }
        return true
    }
}
