import Foundation
import Logging
import SQLKit

/// A throwaway database for tests and benchmarks: a temporary SQLite file, or a new uniquely named
/// database on a PostgreSQL server, migrated and ready; ``drop()`` removes it.
public struct ScratchDatabase: Sendable {
    public let database: HubDatabase
    private let cleanup: @Sendable () async -> Void

    /// Creates a migrated SQLite database in a new temporary folder.
    public static func sqlite(logger: Logger) async throws -> ScratchDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-\(UUID().uuidString.lowercased())")
        let database = try await HubDatabase.open(.sqlite(path: folder.appendingPathComponent("hub.sqlite").path), logger: logger)
        try await Migrator().migrate(database, logger: logger)
        return ScratchDatabase(database: database) {
            await database.close()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Creates a migrated database named `kh_scratch_…` on the server that `serverURL` reaches
    /// (its user needs the CREATEDB right).
    public static func postgres(serverURL: String, logger: Logger) async throws -> ScratchDatabase {
        guard case .postgres(let host, let port, let user, let password, let adminDatabase, let tls) = try DatabaseLocation(parsing: serverURL) else {
            throw StorageError(.badURL, "a PostgreSQL URL is needed for a scratch PostgreSQL database")
        }
        let name = "kh_scratch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await HubDatabase.open(.postgres(host: host, port: port, username: user, password: password, database: adminDatabase, requireTLS: tls), logger: logger)
        try await admin.read { db in try await db.raw("CREATE DATABASE \(ident: name)").run() }
        let database = try await HubDatabase.open(.postgres(host: host, port: port, username: user, password: password, database: name, requireTLS: tls), logger: logger)
        try await Migrator().migrate(database, logger: logger)
        return ScratchDatabase(database: database) {
            await database.close()
            _ = try? await admin.read { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            await admin.close()
        }
    }

    /// Closes and deletes the database.
    public func drop() async {
        await cleanup()
    }
}
