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
        try await database.transaction { db in
            try await db.delete(from: Schema.AuthorityRecipients.table).where(Schema.AuthorityRecipients.authorityID, .equal, authority).run()
            for organisation in Set(organisations) {
                guard try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table).where(Schema.Organisations.id, .equal, organisation.dbText).first() != nil else {
                    throw StorageError(.notFound, "organisation \(organisation.dbText) does not exist")
                }
                try await db.insert(into: Schema.AuthorityRecipients.table).columns(Schema.AuthorityRecipients.authorityID, Schema.AuthorityRecipients.organisationID, Schema.AuthorityRecipients.createdAt)
                    .values(SQLBind(authority), SQLBind(organisation.dbText), SQLBind(now.micros)).run()
            }
            try await AuditLog.append(audit, on: db, now: now)
        }
    }

    /// Every assignment: authority id → organisations, organisations sorted by id.
    public func all() async throws -> [String: [UUID]] {
        try await database.read { db in
            var map: [String: [UUID]] = [:]
            for row in try await db.select().columns(Schema.AuthorityRecipients.authorityID, Schema.AuthorityRecipients.organisationID).from(Schema.AuthorityRecipients.table)
                .orderBy(Schema.AuthorityRecipients.authorityID).orderBy(Schema.AuthorityRecipients.organisationID).all() {
                map[try row.decode(column: Schema.AuthorityRecipients.authorityID, as: String.self), default: []].append(try row.uuid(Schema.AuthorityRecipients.organisationID))
            }
            return map
        }
    }
}
