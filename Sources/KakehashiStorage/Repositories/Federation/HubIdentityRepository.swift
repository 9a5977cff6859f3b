import Foundation
import KakehashiCore
import SQLKit

/// The hub's identity (its signing key, and the hub id derived from it), made once and kept: peers record
/// the id in provenance chains and check deletion notices against the key, so neither may change across
/// restarts or between the processes that share one database. The key lives in the database, the one place
/// every process of the hub shares, beside the other credentials it protects.
public struct HubIdentityRepository: Sendable {
    let database: HubDatabase
    static let signingKey = "signing_key"

    public init(database: HubDatabase) {
        self.database = database
    }

    /// The hub's identity, made on first use. Processes racing to make it all end with the one that was stored.
    public func identity() async throws -> HubIdentity {
        if let stored = try await read() { return stored }
        let made = HubIdentity()
        do {
            try await database.transaction { db in
                try await db.insert(into: Schema.HubSettings.table).columns(Schema.HubSettings.key, Schema.HubSettings.value)
                    .values(SQLBind(Self.signingKey), SQLBind(made.rawKey.base64EncodedString())).run()
            }
        } catch where StorageError.isUniqueViolation(error) {
            // Another process stored its key first; that one stands.
        }
        guard let stored = try await read() else { throw StorageError(.query, "the hub's signing key could not be stored") }
        return stored
    }

    private func read() async throws -> HubIdentity? {
        let text = try await database.read { db in
            try await db.select().column(Schema.HubSettings.value).from(Schema.HubSettings.table)
                .where(Schema.HubSettings.key, .equal, Self.signingKey).first()?
                .decode(column: Schema.HubSettings.value, as: String.self)
        }
        guard let text else { return nil }
        guard let raw = Data(base64Encoded: text) else { throw StorageError(.invalid, "the hub's stored signing key is not base64") }
        return try HubIdentity(rawKey: raw)
    }
}
