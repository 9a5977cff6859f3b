import Foundation
import Logging
import NIOSSL
import PostgresKit
import SQLKit
import SQLiteKit

/// The hub's database: one SQLKit interface over SQLite (embedded) or PostgreSQL (shared by several hub processes).
///
/// Repositories take a `HubDatabase` and run their statements through ``read(_:)`` or ``transaction(_:)``.
public final class HubDatabase: Sendable {
    /// Which engine is behind the database.
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    public let location: DatabaseLocation
    public let engine: Engine
    private let backend: any DatabaseBackend
    /// Audit records appended outside a caller's transaction, committed in groups.
    let auditAppends = AuditAppendQueue()

    private init(location: DatabaseLocation, engine: Engine, backend: any DatabaseBackend) {
        self.location = location
        self.engine = engine
        self.backend = backend
    }

    /// Opens (and for SQLite creates) the database and checks that it answers.
    /// - Throws: ``StorageError`` with code `unreachable` when it cannot be reached.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> HubDatabase {
        switch location {
        case .sqlite(let path):
            let backend = try await SQLiteBackend.open(path: path, logger: logger)
            return HubDatabase(location: location, engine: .sqlite, backend: backend)
        case .postgres(let host, let port, let username, let password, let database, let requireTLS):
            let tls: PostgresClient.Configuration.TLS = requireTLS ? .require(.makeClientConfiguration()) : .disable
            var configuration = PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
            configuration.options.maximumConnections = 16
            configuration.options.connectTimeout = .seconds(5)
            let backend = try await PostgresBackend.open(configuration: configuration, host: host, port: port, described: location.description, logger: logger)
            return HubDatabase(location: location, engine: .postgres, backend: backend)
        }
    }

    /// Runs statements that need no transaction.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await backend.withDatabase(body)
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it.
    ///
    /// On SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`), so that another
    /// process's writer cannot cause a deadlock on upgrade.
    public func transaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await backend.withTransaction(body)
    }

    /// Whether the database answers a trivial query.
    public func ping() async -> Bool {
        do {
            _ = try await read { db in try await db.raw("SELECT 1 AS one").all() }
            return true
        } catch {
            return false
        }
    }

    /// Closes every connection.
    public func close() async {
        await backend.close()
    }
}

/// What each engine provides to ``HubDatabase``.
protocol DatabaseBackend: Sendable {
    func withDatabase<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    func withTransaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    func close() async
}
