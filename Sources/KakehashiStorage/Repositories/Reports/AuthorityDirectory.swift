import Foundation
import KakehashiCore
import SQLKit

/// Which member organisations receive reports addressed to an authority id such as `jp-mlit`.
public struct AuthorityDirectory: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Replaces the organisations that receive for `authority` (an empty list unassigns it).
    /// - Throws: ``StorageError`` `notFound` naming an organisation that does not exist.
    public func assign(_ authority: String, to organisations: [UUID], audit: AuditRecord, now: Date = Date()) async throws {
        let engine = database.engine
        try await database.transaction { db in
            try await db.delete(from: "authority_recipients").where("authority_id", .equal, authority).run()
            for organisation in Set(organisations) {
                guard try await db.select().column("id").from("organisations").where("id", .equal, organisation.dbText).first() != nil else {
                    throw StorageError(.notFound, "organisation \(organisation.dbText) does not exist")
                }
                try await db.insert(into: "authority_recipients").columns("authority_id", "organisation_id", "created_at")
                    .values(SQLBind(authority), SQLBind(organisation.dbText), SQLBind(now.micros)).run()
            }
            try await AuditLog.append(audit, on: db, engine: engine, now: now)
        }
    }

    /// Every assignment: authority id → organisations, organisations sorted by id.
    public func all() async throws -> [String: [UUID]] {
        try await database.read { db in
            var map: [String: [UUID]] = [:]
            for row in try await db.select().columns("authority_id", "organisation_id").from("authority_recipients")
                .orderBy("authority_id").orderBy("organisation_id").all() {
                map[try row.decode(column: "authority_id", as: String.self), default: []].append(try row.uuid("organisation_id"))
            }
            return map
        }
    }
}
