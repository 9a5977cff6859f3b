import Foundation
import KakehashiCore
import SQLKit

/// Members' opinions of shared objects, each kept as its STIX `opinion` JSON beside the columns the hub
/// counts by. They live outside the collections, so the object's producer reads them even when the
/// collection's rules would not show it the member.
public struct OpinionRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Stores `opinion`, or a new version of the organisation's earlier opinion of the same object (its id and
    /// `created` kept, `modified` later than the last), marked `tlp`; queues `notification` for the producer.
    /// - Returns: the opinion as stored.
    @discardableResult
    public func save(_ opinion: Opinion, tlp: TLPLevel, notification: PlannedNotification?, audit: AuditRecord) async throws -> Opinion {
        try await database.transaction { db in
            var stored = opinion
            if let earlier = try await db.select().column("*").from(Schema.Opinions.table)
                .where(Schema.Opinions.collectionID, .equal, opinion.collectionID.dbText).where(Schema.Opinions.objectID, .equal, opinion.objectID)
                .where(Schema.Opinions.organisationID, .equal, opinion.organisation.dbText).for(.update).first().map(Self.decode) {
                stored.id = earlier.id
                stored.created = earlier.created
                // STIX versions differ at millisecond precision.
                stored.modified = max(opinion.modified, earlier.modified.addingTimeInterval(0.001))
                try await db.delete(from: Schema.Opinions.table).where(Schema.Opinions.id, .equal, earlier.id).run()
            }
            // As stored: whole microseconds.
            stored.created = Date(micros: stored.created.micros)
            stored.modified = Date(micros: stored.modified.micros)
            try await db.insert(into: Schema.Opinions.table)
                .columns(Schema.Opinions.id, Schema.Opinions.collectionID, Schema.Opinions.objectID, Schema.Opinions.producerOrg, Schema.Opinions.organisationID,
                         Schema.Opinions.author, Schema.Opinions.verdict, Schema.Opinions.note, Schema.Opinions.created, Schema.Opinions.modified, Schema.Opinions.json)
                .values(SQLBind(stored.id), SQLBind(stored.collectionID.dbText), SQLBind(stored.objectID), SQLBind(stored.producer?.dbText), SQLBind(stored.organisation.dbText),
                        SQLBind(stored.author), SQLBind(stored.verdict.rawValue), SQLBind(stored.note), SQLBind(stored.created.micros), SQLBind(stored.modified.micros),
                        SQLBind(stored.stix(tlp: tlp).serialized()))
                .run()
            if let notification {
                try await WebhookRepository.enqueue(notification, on: db, now: stored.modified)
                try await EmailOutbox.enqueue(notification, on: db, now: stored.modified)
            }
            try await AuditLog.append(audit, on: db, now: stored.modified)
            return stored
        }
    }

    /// Every member's opinion of `objectID` in `collection`, oldest first.
    public func opinions(of objectID: String, in collection: UUID) async throws -> [Opinion] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Opinions.table)
                .where(Schema.Opinions.collectionID, .equal, collection.dbText).where(Schema.Opinions.objectID, .equal, objectID)
                .orderBy(Schema.Opinions.created).orderBy(Schema.Opinions.id).all().map(Self.decode)
        }
    }

    /// The opinions of objects `producer` produced, newest first: what the producer hears back.
    public func opinions(producedBy producer: UUID, limit: Int = 200) async throws -> [Opinion] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Opinions.table).where(Schema.Opinions.producerOrg, .equal, producer.dbText)
                .orderBy(Schema.Opinions.modified, .descending).limit(limit).all().map(Self.decode)
        }
    }

    /// The stored STIX JSON of opinion `id`, if any.
    public func stix(_ id: String) async throws -> String? {
        try await database.read { db in
            try await db.select().column(Schema.Opinions.json).from(Schema.Opinions.table).where(Schema.Opinions.id, .equal, id).first()
                .map { try $0.decode(column: Schema.Opinions.json, as: String.self) }
        }
    }

    static func decode(_ row: any SQLRow) throws -> Opinion {
        Opinion(id: try row.decode(column: Schema.Opinions.id, as: String.self), collectionID: try row.uuid(Schema.Opinions.collectionID),
                objectID: try row.decode(column: Schema.Opinions.objectID, as: String.self), producer: try row.optionalUUID(Schema.Opinions.producerOrg),
                organisation: try row.uuid(Schema.Opinions.organisationID), author: try row.decode(column: Schema.Opinions.author, as: String.self),
                verdict: try row.enumValue(Schema.Opinions.verdict, as: OpinionVerdict.self), note: try row.decode(column: Schema.Opinions.note, as: String.self),
                created: try row.date(Schema.Opinions.created), modified: try row.date(Schema.Opinions.modified))
    }
}
