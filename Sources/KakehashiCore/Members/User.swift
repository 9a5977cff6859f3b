import Foundation

/// A person who signs in to the hub; belongs to exactly one organisation.
public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: UUID
    public var organisationID: UUID
    public var username: String
    public var displayName: String
    public var role: Role
    /// `ja` or `en`; the language the pages speak to this user.
    public var locale: String
    /// IANA time zone the user's times are shown in.
    public var timeZone: String
    public var disabled: Bool
    public var createdAt: Date

    public init(
        id: UUID = UUID(),
        organisationID: UUID,
        username: String,
        displayName: String,
        role: Role,
        locale: String = "ja",
        timeZone: String = "Asia/Tokyo",
        disabled: Bool = false,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.organisationID = organisationID
        self.username = username
        self.displayName = displayName
        self.role = role
        self.locale = locale
        self.timeZone = timeZone
        self.disabled = disabled
        self.createdAt = createdAt
    }
}
