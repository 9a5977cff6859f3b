import Foundation
import KakehashiCore
import SQLKit

/// The regime catalogues hub administrators have put in force; the newest is active.
public struct RegimeCatalogueStore: Sendable {
    /// A stored catalogue: its JSON as given, and who put it in force when.
    public struct Entry: Sendable, Equatable {
        public var version: Int
        public var json: String
        public var createdBy: String
        public var createdAt: Date
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// The active catalogue, or `nil` while the hub uses the one from its configuration file.
    public func active() async throws -> Entry? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.RegimeCatalogues.table).orderBy(Schema.RegimeCatalogues.version, .descending).limit(1).first().map { row in
                Entry(version: Int(try row.decode(column: Schema.RegimeCatalogues.version, as: Int64.self)), json: try row.decode(column: Schema.RegimeCatalogues.json, as: String.self),
                      createdBy: try row.decode(column: Schema.RegimeCatalogues.createdBy, as: String.self), createdAt: try row.date(Schema.RegimeCatalogues.createdAt))
            }
        }
    }

    /// Puts a catalogue (already checked by the caller) in force; returns its version.
    public func activate(json: String, by username: String, audit: AuditRecord, now: Date = Date()) async throws -> Int {
        do {
            return try await database.transaction { db in
                let row = try await db.raw("SELECT COALESCE(MAX(\(Schema.RegimeCatalogues.version)), 0) AS latest FROM \(Schema.RegimeCatalogues.table)").first()
                let version = Int(try row?.decode(column: "latest", as: Int64.self) ?? 0) + 1
                try await db.insert(into: Schema.RegimeCatalogues.table).columns(Schema.RegimeCatalogues.version, Schema.RegimeCatalogues.json, Schema.RegimeCatalogues.createdBy, Schema.RegimeCatalogues.createdAt)
                    .values(SQLBind(Int64(version)), SQLBind(json), SQLBind(username), SQLBind(now.micros)).run()
                var audit = audit
                audit.details["version"] = String(version)
                try await AuditLog.append(audit, on: db, now: now)
                return version
            }
        } catch let error where StorageError.isUniqueViolation(error) {
            throw StorageError(.conflict, "another administrator changed the regimes at the same moment; reload and try again")
        }
    }
}
