import Foundation
import KakehashiCore
import SQLKit

/// Deletions across hubs: the signed notice made when an object made here is deleted, a received notice
/// applied, the notices peers follow, the tombstone that keeps a deleted object from coming back, and the
/// TAXII DELETEs owed to foreign peers.
extension FederationRepository {
    /// What applying a received deletion notice did.
    public enum DeletionApplication: Sendable, Equatable {
        /// The object's versions (possibly none, when it never arrived here) were deleted and the notice kept.
        case applied(versions: Int)
        /// The notice was already kept here; nothing changed.
        case alreadyKnown
    }

    /// A deletion notice as this hub keeps it: its place in the hub's sequence, which peers follow.
    public struct StoredDeletion: Sendable, Equatable {
        public var sequence: Int64
        public var collectionID: UUID
        public var notice: DeletionNotice
    }

    /// A page of deletion notices of one collection, in sequence order.
    public struct DeletionPage: Sendable, Equatable {
        public var deletions: [StoredDeletion]
        /// Whether more notices follow the last one.
        public var more: Bool
    }

    /// Deletes the selected versions of one object as TAXII DELETE does (only its producer may, unless
    /// `administrator`, a hub administrator removing something posted by mistake). When that removes the last
    /// version of an object made here (no version came from a peer), a notice signed by `identity` is kept in
    /// the same commit, for Kakehashi peers to follow, and a TAXII DELETE is owed to every foreign peer this
    /// collection pushes to. An object whose every version was TLP:AMBER+STRICT or RED never left the hub, so
    /// no notice is made for it (not even its id leaves).
    /// - Returns: how many versions were deleted.
    /// - Throws: ``StorageError`` `conflict` when the viewer's organisation did not share a selected version.
    public func delete(objectID: String, versions: VersionSelection, in collection: SharingCollection, by viewer: STIXViewer, administrator: Bool,
                       identity: HubIdentity, audit: AuditRecord?, now: Date = Date()) async throws -> Int {
        let index = objects.idIndex
        return try await objects.delete(objectID: objectID, versions: versions, in: collection, by: viewer, overridingProducer: administrator,
                                        audit: audit, now: now) { db, doomed, levels in
            let received = try await Self.forgetProvenance(of: objectID, versions: doomed, in: collection.id, on: db)
            var details: [String: String] = administrator ? ["administrator": "true"] : [:]
            guard received == 0 else {
                details["received_versions"] = String(received)
                return details
            }
            let remaining = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Schema.STIXObjects.table)
                .where(index.versions(of: [objectID], in: collection.id.dbText)).first()?.decode(column: "n", as: Int64.self) ?? 0
            guard remaining == 0 else { return details }
            guard levels.contains(where: { $0 <= .amber }) else {
                details["deletion_notice"] = "none: every version was \(levels.max()?.displayName ?? "TLP:RED") and never left the hub"
                return details
            }
            let notice = identity.deletionNotice(objectID: objectID, deletedAt: now)
            details["deletion_sequence"] = String(try await Self.keep(notice, collection: collection.id, now: now, on: db))
            return details
        }
    }

    /// Applies a deletion notice that `peer` passed on for its collection, which feeds `collection`: checks
    /// that the origin signed it and that every stored version of the object came from that origin (its
    /// provenance chain starts there), then deletes every version whoever stored it, keeps the notice (so it
    /// travels on, and so a version of the object arriving later from that origin is refused as
    /// `deleted-at-origin`) and owes a TAXII DELETE to every foreign peer the collection pushes to, with
    /// `audit`, in one commit. An object that never arrived here is deleted all the same: the notice is kept.
    /// - Throws: ``FederationError`` saying why the notice was refused (forged, or the object was made
    ///   elsewhere); nothing changes then.
    @discardableResult
    public func applyDeletion(_ notice: DeletionNotice, from peer: Peer, into collection: SharingCollection, audit: AuditRecord?,
                              now: Date = Date()) async throws -> DeletionApplication {
        try notice.verify()
        var annotated = audit
        annotated?.details["origin_hub"] = notice.originHub
        annotated?.details["peer"] = peer.id.dbText
        let record = annotated
        // A version may arrive between finding nothing to delete and keeping the notice; then the deletion runs again.
        for _ in 0..<3 {
            if let application = try await applyOnce(notice, into: collection, audit: record, now: now) { return application }
        }
        throw StorageError(.conflict, "\(notice.objectID) kept arriving while its deletion notice was applied; try again")
    }

    /// One attempt of ``applyDeletion(_:from:into:audit:now:)``; `nil` when a version arrived meanwhile.
    private func applyOnce(_ notice: DeletionNotice, into collection: SharingCollection, audit record: AuditRecord?, now: Date) async throws -> DeletionApplication? {
        let index = objects.idIndex
        let deleted = try await objects.delete(objectID: notice.objectID, versions: .every, in: collection, by: nil, overridingProducer: true,
                                               audit: record, now: now) { db, doomed, _ in
            let chains = try await Self.chains(of: notice.objectID, in: collection.id, on: db)
            for version in doomed {
                guard let chain = chains[version] else {
                    throw FederationError("\(notice.objectID) was made on this hub, not at \(notice.originHub); the notice is refused")
                }
                guard chain.first == notice.originHub else {
                    throw FederationError("\(notice.objectID) came here from \(chain.first ?? "a TAXII server without a chain"), not from \(notice.originHub); the notice is refused")
                }
            }
            _ = try await Self.forgetProvenance(of: notice.objectID, versions: doomed, in: collection.id, on: db)
            return ["deletion_sequence": String(try await Self.keep(notice, collection: collection.id, now: now, on: db))]
        }
        if deleted > 0 { return .applied(versions: deleted) }
        // Nothing of the object is stored here: keep the notice unless it is kept already.
        return try await database.transaction { db -> DeletionApplication? in
            _ = try await STIXObjectRepository.lockCollection(collection.id, on: db)
            let stored = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Schema.STIXObjects.table)
                .where(index.versions(of: [notice.objectID], in: collection.id.dbText)).first()?.decode(column: "n", as: Int64.self) ?? 0
            guard stored == 0 else { return nil }
            if try await Self.tombstone(of: notice.objectID, in: collection.id, on: db) != nil { return .alreadyKnown }
            let sequence = try await Self.keep(notice, collection: collection.id, now: now, on: db)
            if var record = record {
                record.details["versions"] = "0"
                record.details["deletion_sequence"] = String(sequence)
                try await AuditLog.append(record, on: db, now: now)
            }
            return .applied(versions: 0)
        }
    }

    /// The deletion notices of `collection` after `sequence`, oldest first, at most `limit`.
    public func deletions(in collection: UUID, after sequence: Int64, limit: Int) async throws -> DeletionPage {
        let d = Schema.STIXDeletions.self
        let rows = try await database.read { db in
            try await db.select().columns(d.sequence, d.notice).from(d.table).where(d.collectionID, .equal, collection.dbText)
                .where(d.sequence, .greaterThan, sequence).orderBy(d.sequence).limit(limit + 1).all()
        }
        let deletions = try rows.prefix(limit).map { row in
            StoredDeletion(sequence: try row.decode(column: d.sequence, as: Int64.self), collectionID: collection,
                           notice: try Self.decodeNotice(try row.decode(column: d.notice, as: String.self)))
        }
        return DeletionPage(deletions: deletions, more: rows.count > limit)
    }

    /// Splits versions `peer` sent into those that may be stored and those refused as `deleted-at-origin`: a
    /// version of an object whose origin's deletion notice is kept here, arriving from that origin (its chain
    /// starts there) or from a TAXII server that sends no chain. ``receive(_:refusals:from:into:cursors:audit:now:)``
    /// applies this itself; callers that answer with the refusals call it first.
    public func screenDeletedAtOrigin(_ versions: [FederatedVersion], from peer: Peer, in collection: UUID,
                                      now: Date = Date()) async throws -> (kept: [FederatedVersion], refused: [PeerRefusal]) {
        guard !versions.isEmpty else { return (versions, []) }
        let d = Schema.STIXDeletions.self
        let ids = Array(Set(versions.map(\.object.id)))
        let origins = try await database.read { db in
            var origins: [String: String] = [:]
            guard try await db.select().column(d.sequence).from(d.table).where(d.collectionID, .equal, collection.dbText).limit(1).first() != nil else {
                return origins
            }
            for slice in ids.chunked(into: 500) {
                for row in try await db.select().columns(d.objectID, d.originHub).from(d.table).where(d.collectionID, .equal, collection.dbText)
                    .where(d.objectID, .in, Array(slice)).all() {
                    origins[try row.decode(column: d.objectID, as: String.self)] = try row.decode(column: d.originHub, as: String.self)
                }
            }
            return origins
        }
        guard !origins.isEmpty else { return (versions, []) }
        var kept: [FederatedVersion] = []
        var refused: [PeerRefusal] = []
        for version in versions {
            if let origin = origins[version.object.id], version.chain.first.map({ $0 == origin }) ?? true {
                refused.append(PeerRefusal(peerID: peer.id, direction: .inbound, objectID: version.object.id, version: version.object.version?.text,
                                           code: Self.deletedAtOrigin, reason: "\(origin) deleted \(version.object.id); a version of it from there is not stored again", at: now))
            } else {
                kept.append(version)
            }
        }
        return (kept, refused)
    }

    /// The refusal code of a version whose object its origin deleted.
    public static let deletedAtOrigin = "deleted-at-origin"

    /// Records that the deletion notices up to `sequence` (this hub's) were passed to the Kakehashi peer `peer`.
    public func advancePushDeletions(peer: UUID, to sequence: Int64) async throws {
        let s = Schema.PeerState.self
        try await database.transaction { db in
            try await db.update(s.table).set(s.pushDeletionCursor, to: sequence).where(s.peerID, .equal, peer.dbText).run()
        }
    }

    // MARK: - Inside a transaction

    /// The key in `hub_settings` of the last deletion sequence given out.
    static let deletionSequenceKey = "deletion_sequence"

    /// Keeps `notice` for `collection` under the hub's next sequence (replacing an older notice for the same
    /// object), and owes a TAXII DELETE to each foreign peer the collection pushes to. Returns the sequence.
    static func keep(_ notice: DeletionNotice, collection: UUID, now: Date, on db: any SQLDatabase) async throws -> Int64 {
        let sequence = try await nextDeletionSequence(on: db)
        let d = Schema.STIXDeletions.self
        try await db.delete(from: d.table).where(d.collectionID, .equal, collection.dbText).where(d.objectID, .equal, notice.objectID).run()
        let deletedAt = STIXTimestamp(notice.deletedAt)?.microsecondsSinceEpoch ?? now.micros
        try await db.insert(into: d.table).columns(d.sequence, d.collectionID, d.objectID, d.originHub, d.notice, d.deletedAt)
            .values(SQLBind(sequence), SQLBind(collection.dbText), SQLBind(notice.objectID), SQLBind(notice.originHub),
                    SQLBind(try encodeNotice(notice)), SQLBind(deletedAt)).run()
        let peers = try await db.select().column(Schema.Peers.id).from(Schema.Peers.table)
            .where(Schema.Peers.localCollection, .equal, collection.dbText).where(Schema.Peers.kind, .equal, Peer.Kind.taxii.rawValue)
            .where(Schema.Peers.direction, .in, Peer.Direction.allCases.filter(\.pushes).map(\.rawValue)).all()
            .map { try $0.decode(column: Schema.Peers.id, as: String.self) }
        let p = Schema.PeerDeletions.self
        for peer in peers {
            try await db.delete(from: p.table).where(p.peerID, .equal, peer).where(p.objectID, .equal, notice.objectID).run()
            try await db.insert(into: p.table).columns(p.peerID, p.objectID, p.state, p.reason, p.at)
                .values(SQLBind(peer), SQLBind(notice.objectID), SQLBind("pending"), SQLBind(String?.none), SQLBind(now.micros)).run()
        }
        return sequence
    }

    /// The hub's next deletion sequence. The counter row is locked until the commit, so sequences are given
    /// out, and become visible, in order across collections and processes: a peer's cursor never skips one.
    static func nextDeletionSequence(on db: any SQLDatabase) async throws -> Int64 {
        let h = Schema.HubSettings.self
        try await db.insert(into: h.table).columns(h.key, h.value).values(SQLBind(deletionSequenceKey), SQLBind("0"))
            .ignoringConflicts(with: [h.key]).run()
        // `FOR UPDATE` on PostgreSQL; SQLite's dialect omits it, its transaction holds the write lock.
        guard let text = try await db.select().column(h.value).from(h.table).where(h.key, .equal, deletionSequenceKey).for(.update).first()?
            .decode(column: h.value, as: String.self), let last = Int64(text) else {
            throw StorageError(.invalid, "the hub's deletion sequence in \(h.table.string) is not a number")
        }
        try await db.update(h.table).set(h.value, to: String(last + 1)).where(h.key, .equal, deletionSequenceKey).run()
        return last + 1
    }

    /// The origin hub of the notice kept for `objectID` in `collection`, if one is.
    static func tombstone(of objectID: String, in collection: UUID, on db: any SQLDatabase) async throws -> String? {
        let d = Schema.STIXDeletions.self
        return try await db.select().column(d.originHub).from(d.table).where(d.collectionID, .equal, collection.dbText)
            .where(d.objectID, .equal, objectID).first()?.decode(column: d.originHub, as: String.self)
    }

    /// The provenance chain of each received version of `objectID` (versions made here have none).
    static func chains(of objectID: String, in collection: UUID, on db: any SQLDatabase) async throws -> [Int64: [String]] {
        let p = Schema.STIXProvenance.self
        var chains: [Int64: [String]] = [:]
        for row in try await db.select().columns(p.version, p.chain).from(p.table).where(p.collectionID, .equal, collection.dbText)
            .where(p.objectID, .equal, objectID).all() {
            chains[try row.decode(column: p.version, as: Int64.self)] =
                try JSONValue.parse(try row.decode(column: p.chain, as: String.self)).arrayValue?.compactMap(\.stringValue) ?? []
        }
        return chains
    }

    /// Removes the provenance of deleted versions (so a version received again records its new provenance);
    /// returns how many of them had come from a peer.
    static func forgetProvenance(of objectID: String, versions: [Int64], in collection: UUID, on db: any SQLDatabase) async throws -> Int {
        guard !versions.isEmpty else { return 0 }
        let p = Schema.STIXProvenance.self
        let received = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(p.table)
            .where(p.collectionID, .equal, collection.dbText).where(p.objectID, .equal, objectID).where(p.version, .in, versions)
            .first()?.decode(column: "n", as: Int64.self) ?? 0
        if received > 0 {
            try await db.delete(from: p.table).where(p.collectionID, .equal, collection.dbText).where(p.objectID, .equal, objectID)
                .where(p.version, .in, versions).run()
        }
        return Int(received)
    }

    static func encodeNotice(_ notice: DeletionNotice) throws -> String {
        String(decoding: try JSONEncoder.hub().encode(notice), as: UTF8.self)
    }

    static func decodeNotice(_ text: String) throws -> DeletionNotice {
        do {
            return try JSONDecoder().decode(DeletionNotice.self, from: Data(text.utf8))
        } catch {
            throw StorageError(.invalid, "a stored deletion notice is not a notice: \(error)")
        }
    }
}
