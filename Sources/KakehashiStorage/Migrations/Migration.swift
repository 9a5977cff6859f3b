import SQLKit

/// One versioned change to the schema. Versions only grow; a migration, once shipped, never changes.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Applies the change inside the migrator's transaction.
    public let apply: @Sendable (any SQLDatabase, HubDatabase.Engine) async throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase, HubDatabase.Engine) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}
