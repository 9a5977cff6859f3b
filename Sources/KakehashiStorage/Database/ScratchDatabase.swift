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
    ///
    /// The database is copied from a template migrated once per process and server
    /// (`CREATE DATABASE … TEMPLATE`), so a suite of many tests migrates once rather than per test.
    /// The template stays on the server: tests run against a throwaway server (`scripts/test`).
    public static func postgres(serverURL: String, logger: Logger) async throws -> ScratchDatabase {
        guard case .postgres(let host, let port, let user, let password, let adminDatabase, let tls) = try DatabaseLocation(parsing: serverURL) else {
            throw StorageError(.badURL, "a PostgreSQL URL is needed for a scratch PostgreSQL database")
        }
        let location: @Sendable (String) -> DatabaseLocation = { database in
            DatabaseLocation.postgres(host: host, port: port, username: user, password: password, database: database, requireTLS: tls)
        }
        let admin = try await HubDatabase.open(location(adminDatabase), logger: logger)
        let name = uniqueName("kh_scratch_")
        do {
            let template = try await PostgresTemplates.shared.template(for: serverURL) {
                let template = uniqueName("kh_template_")
                try await admin.read { db in try await db.raw("CREATE DATABASE \(ident: template)").run() }
                let database = try await HubDatabase.open(location(template), logger: logger)
                do {
                    try await Migrator().migrate(database, logger: logger)
                } catch {
                    await database.close()
                    throw error
                }
                await database.close()
                return template
            }
            try await admin.read { db in try await db.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template)").run() }
        } catch {
            await admin.close()
            throw error
        }
        let database = try await HubDatabase.open(location(name), logger: logger)
        return ScratchDatabase(database: database) {
            await database.close()
            _ = try? await admin.read { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            await admin.close()
        }
    }

    private static func uniqueName(_ prefix: String) -> String {
        prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Closes and deletes the database.
    public func drop() async {
        await cleanup()
    }
}

/// The migrated template database of each PostgreSQL server, made once per process.
private actor PostgresTemplates {
    static let shared = PostgresTemplates()
    private var templates: [String: Task<String, any Error>] = [:]

    /// The template's name for `server`, made by `make` on first use; a failed attempt is not kept.
    func template(for server: String, make: @escaping @Sendable () async throws -> String) async throws -> String {
        if let existing = templates[server] {
            return try await existing.value
        }
        let task = Task { try await make() }
        templates[server] = task
        do {
            return try await task.value
        } catch {
            templates[server] = nil
            throw error
        }
    }
}
