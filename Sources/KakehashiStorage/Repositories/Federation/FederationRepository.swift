import Foundation
import KakehashiCore
import SQLKit

/// What federation stores and reads: versions received from peers with their provenance, the versions a
/// collection has to send, and each peer's cursors, all moved in the same commit as what they describe so a
/// hub killed mid-exchange resumes without losing or repeating anything.
public struct FederationRepository: Sendable {
    let database: HubDatabase
    let objects: STIXObjectRepository

    public init(database: HubDatabase, objects: STIXObjectRepository) {
        self.database = database
        self.objects = objects
    }

    /// Where a receive leaves the peer's pull cursors; `nil` leaves a cursor as it is.
    public struct PullCursors: Sendable {
        public var objects: String?
        public var deletions: Int64?
        public init(objects: String? = nil, deletions: Int64? = nil) {
            self.objects = objects
            self.deletions = deletions
        }
    }

    /// Stores versions `peer` sent (already validated and past the inbound checks), with where each came
    /// from, the refusals made on the way in, and the peer's new pull cursors, in one commit. A version
    /// already stored is a no-op and keeps its first provenance: that is what ends every cycle. A version of
    /// an object its origin deleted is refused here as `deleted-at-origin` (``screenDeletedAtOrigin(_:from:in:now:)``).
    /// - Returns: the outcome; `fresh` lists the versions stored now.
    @discardableResult
    public func receive(_ versions: [FederatedVersion], refusals: [PeerRefusal], from peer: Peer, into collection: SharingCollection,
                        cursors: PullCursors = PullCursors(), audit: AuditRecord?, now: Date = Date()) async throws -> STIXAddOutcome {
        let screened = try await screenDeletedAtOrigin(versions, from: peer, in: collection.id, now: now)
        let versions = screened.kept
        let refusals = refusals + screened.refused
        var chains: [VersionKey: [String]] = [:]
        for version in versions {
            chains[VersionKey(id: version.object.id, version: version.object.version?.microsecondsSinceEpoch ?? 0)] = version.chain
        }
        let chainsByKey = chains
        let peerID = peer.id.dbText
        return try await objects.add(versions.map(\.object), to: collection, producer: peer.organisation, audit: audit, now: now, status: nil) { db, outcome in
            for slice in outcome.fresh.chunked(into: 500) {
                var insert = db.insert(into: Schema.STIXProvenance.table)
                    .columns(Schema.STIXProvenance.collectionID, Schema.STIXProvenance.objectID, Schema.STIXProvenance.version,
                             Schema.STIXProvenance.peerID, Schema.STIXProvenance.receivedAt, Schema.STIXProvenance.chain)
                for (id, version) in slice {
                    let chain = chainsByKey[VersionKey(id: id, version: version)] ?? []
                    insert = insert.values(SQLBind(collection.id.dbText), SQLBind(id), SQLBind(version), SQLBind(peerID), SQLBind(now.micros),
                                           SQLBind(JSONValue.array(chain.map(JSONValue.string)).serialized()))
                }
                try await insert.run()
            }
            try await PeerRepository.record(refusals, on: db)
            let s = Schema.PeerState.self
            var update = db.update(s.table).set(SQLIdentifier(s.received.string), to: SQLRaw("\(s.received.string) + \(outcome.fresh.count)"))
            if let objects = cursors.objects { update = update.set(s.pullCursor, to: objects) }
            if let deletions = cursors.deletions { update = update.set(s.pullDeletionCursor, to: deletions) }
            try await update.where(s.peerID, .equal, peerID).run()
        }.outcome
    }

    /// Versions of `collection` added after `after` (local date added, microseconds), oldest first, with the
    /// provenance the egress decision needs. Nothing is filtered here: every path asks ``EgressPolicy``.
    public func outbound(in collection: SharingCollection, after: Int64, limit: Int) async throws -> OutboundPage {
        let o = Schema.STIXObjects.self, p = Schema.STIXProvenance.self
        let rows = try await database.read { db in
            try await db.raw("""
                SELECT o.date_added, o.object_id, o.version_text, o.producer_org, o.red_recipients, o.json, p.peer_id, p.chain
                FROM \(ident: o.table.string) o LEFT JOIN \(ident: p.table.string) p
                  ON p.collection_id = o.collection_id AND p.object_id = o.object_id AND p.version = o.version
                WHERE o.collection_id = \(bind: collection.id.dbText) AND o.date_added > \(bind: after)
                ORDER BY o.date_added LIMIT \(bind: limit + 1)
                """).all()
        }
        var versions: [OutboundVersion] = []
        versions.reserveCapacity(min(rows.count, limit))
        for row in rows.prefix(limit) {
            let json = try row.decode(column: "json", as: String.self)
            let objectID = try row.decode(column: "object_id", as: String.self)
            let chainText = try row.decode(column: "chain", as: String?.self)
            let chain = try chainText.map { try JSONValue.parse($0).arrayValue?.compactMap(\.stringValue) ?? [] } ?? []
            let recipients = try row.decode(column: "red_recipients", as: String.self).split(separator: ",").map(String.init)
            let subject = EgressPolicy.Subject(marked: try Self.marking(of: json, objectID: objectID), collectionDefault: collection.defaultTLP,
                                               producer: try row.uuid("producer_org"), redRecipients: recipients, chain: chain)
            versions.append(OutboundVersion(dateAdded: try row.decode(column: "date_added", as: Int64.self), objectID: objectID,
                                            versionText: try row.decode(column: "version_text", as: String?.self), json: json, subject: subject,
                                            sourcePeer: try row.decode(column: "peer_id", as: String?.self).flatMap(UUID.init(uuidString:))))
        }
        return OutboundPage(versions: versions, more: rows.count > limit)
    }

    /// How many versions of `collection` wait after `cursor`, and the date added of the oldest of them.
    public func pending(in collection: UUID, after cursor: Int64) async throws -> (count: Int64, oldest: Int64?) {
        try await database.read { db in
            let row = try await db.raw("""
                SELECT COUNT(*) AS n, MIN(date_added) AS oldest FROM \(ident: Schema.STIXObjects.table.string)
                WHERE collection_id = \(bind: collection.dbText) AND date_added > \(bind: cursor)
                """).first()
            return (try row?.decode(column: "n", as: Int64.self) ?? 0, try row?.decode(column: "oldest", as: Int64?.self))
        }
    }

    /// Records a push the peer acknowledged: the new push cursor, how many were sent, and the refusals (the
    /// hub's own and those the peer reported), with `audit`, in one commit.
    public func advancePush(peer: UUID, to cursor: Int64, sent: Int64, refusals: [PeerRefusal], audit: AuditRecord?, now: Date = Date()) async throws {
        let s = Schema.PeerState.self
        try await database.transaction { db in
            try await db.update(s.table).set(s.pushCursor, to: cursor)
                .set(SQLIdentifier(s.sent.string), to: SQLRaw("\(s.sent.string) + \(sent)"))
                .where(s.peerID, .equal, peer.dbText).run()
            try await PeerRepository.record(refusals, on: db)
            if let audit { _ = try await AuditLog.append(audit, on: db, now: now) }
        }
    }

    /// Remembers the hub id a Kakehashi peer reported.
    public func setRemoteHubID(peer: UUID, _ hubID: String) async throws {
        try await database.transaction { db in
            try await db.update(Schema.PeerState.table).set(Schema.PeerState.remoteHubID, to: hubID).where(Schema.PeerState.peerID, .equal, peer.dbText).run()
        }
    }

    /// Where a stored version came from, if it came from a peer: the peer, when, and the chain.
    public func provenance(of objectID: String, in collection: UUID) async throws -> [(version: Int64, peer: UUID?, receivedAt: Date, chain: [String])] {
        let p = Schema.STIXProvenance.self
        return try await database.read { db in
            try await db.select().columns(p.version, p.peerID, p.receivedAt, p.chain).from(p.table)
                .where(p.collectionID, .equal, collection.dbText).where(p.objectID, .equal, objectID).orderBy(p.version).all().map { row in
                    (try row.decode(column: p.version, as: Int64.self),
                     try row.decode(column: p.peerID, as: String?.self).flatMap(UUID.init(uuidString:)),
                     try row.date(p.receivedAt),
                     try JSONValue.parse(try row.decode(column: p.chain, as: String.self)).arrayValue?.compactMap(\.stringValue) ?? [])
                }
        }
    }

    /// The object's own TLP marking, read from its JSON text (the stored `tlp` column is the effective label).
    static func marking(of json: String, objectID: String) throws -> TLPLevel? {
        let value: JSONValue
        do { value = try JSONValue.parse(json) } catch { throw StorageError(.invalid, "stored object \(objectID) is not JSON: \(error)") }
        for ref in value["object_marking_refs"]?.arrayValue ?? [] {
            if let id = ref.stringValue, let level = TLPLevel(markingDefinitionID: id) { return level }
        }
        return nil
    }
}
