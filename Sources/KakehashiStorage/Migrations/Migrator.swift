import Foundation
import Logging
import SQLKit

/// Brings a database to the schema this build knows, and refuses one written by a newer build.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    /// A migrator for every migration the hub ships.
    public init(migrations: [Migration] = Migrations.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The newest schema version this build knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies the missing migrations in order, all in one transaction.
    ///
    /// On PostgreSQL a transaction-scoped advisory lock makes concurrent hub processes take turns.
    /// - Returns: the versions applied now (empty when the schema was current).
    /// - Throws: ``StorageError`` `schemaTooNew` when the database holds a newer schema than this build.
    @discardableResult
    public func migrate(_ database: HubDatabase, logger: Logger) async throws -> [Int] {
        let migrations = self.migrations
        let latest = latestVersion
        let engine = database.engine
        let applied: [Int] = try await database.transaction { db in
            // PostgreSQL only: SQLKit has no advisory locks, and SQLite's `BEGIN IMMEDIATE` already
            // makes concurrent migrators wait for the write lock.
            if engine == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(\(literal: 0x6b616b65))").run()
            }
            try await db.create(table: Schema.SchemaMigrations.table)
                .ifNotExists()
                .column(Schema.SchemaMigrations.version, type: .bigint, .primaryKey(autoIncrement: false))
                .column(Schema.SchemaMigrations.name, type: .text, .notNull)
                .column(Schema.SchemaMigrations.appliedAt, type: .bigint, .notNull)
                .run()
            let done = Set(try await db.select().column(Schema.SchemaMigrations.version).from(Schema.SchemaMigrations.table).all()
                .map { try $0.decode(column: Schema.SchemaMigrations.version, as: Int.self) })
            if let newest = done.max(), newest > latest {
                throw StorageError(.schemaTooNew, "the database was written by a newer Kakehashi (schema version \(newest); this build knows up to \(latest)); upgrade this hub before using that database")
            }
            var appliedNow: [Int] = []
            for migration in migrations where !done.contains(migration.version) {
                do {
                    try await migration.apply(db, engine)
                } catch {
                    throw StorageError(.migrationFailed, "migration \(migration.version) (\(migration.name)) failed", underlying: error)
                }
                try await db.insert(into: Schema.SchemaMigrations.table)
                    .columns(Schema.SchemaMigrations.version, Schema.SchemaMigrations.name, Schema.SchemaMigrations.appliedAt)
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Date().micros))
                    .run()
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
        for version in applied {
            logger.info("applied migration", metadata: ["db.migration": "\(version)"])
        }
        return applied
    }

    /// The schema version the database holds now (0 for an empty database).
    public func currentVersion(_ database: HubDatabase) async throws -> Int {
        try await database.read { db in
            let rows = try await db.raw("SELECT MAX(\(Schema.SchemaMigrations.version)) AS v FROM \(Schema.SchemaMigrations.table)").all()
            return try rows.first?.decodeNil(column: "v") == false ? rows[0].decode(column: "v", as: Int.self) : 0
        }
    }
}
