import Foundation
import KakehashiCore
import SQLKit

/// The deletions federation owes its peers: TAXII `DELETE`s to foreign peers (`peer_deletions`), and the
/// deletion notices (`stix_deletions`) passed on to Kakehashi peers after their push cursor.
extension FederationRepository {
    /// How an owed TAXII `DELETE` ended.
    public enum PeerDeletionState: String, Sendable, Codable {
        case pending, done, refused
    }

    /// Object ids whose `DELETE` is still owed to `peer`, oldest first.
    public func pendingDeletions(for peer: UUID, limit: Int = 100) async throws -> [String] {
        let d = Schema.PeerDeletions.self
        return try await database.read { db in
            try await db.select().column(d.objectID).from(d.table)
                .where(d.peerID, .equal, peer.dbText).where(d.state, .equal, PeerDeletionState.pending.rawValue)
                .orderBy(d.at).orderBy(d.objectID).limit(limit).all()
                .map { try $0.decode(column: d.objectID, as: String.self) }
        }
    }

    /// Records how the `DELETE` of `objectID` at `peer` ended (`done`, or `refused` with the peer's reason), with `audit`, in one commit.
    public func markDeletion(for peer: UUID, objectID: String, _ state: PeerDeletionState, reason: String? = nil, audit: AuditRecord? = nil, now: Date = Date()) async throws {
        let d = Schema.PeerDeletions.self
        try await database.transaction { db in
            try await db.update(d.table).set(d.state, to: state.rawValue).set(d.reason, to: reason.map { String($0.prefix(1000)) }).set(d.at, to: now.micros)
                .where(d.peerID, .equal, peer.dbText).where(d.objectID, .equal, objectID).run()
            if let audit { _ = try await AuditLog.append(audit, on: db, now: now) }
        }
    }

    /// Every owed or settled `DELETE` for `peer` with its state and reason, for the peer page.
    public func deletions(for peer: UUID, limit: Int = 100) async throws -> [(objectID: String, state: PeerDeletionState, reason: String?, at: Date)] {
        let d = Schema.PeerDeletions.self
        return try await database.read { db in
            try await db.select().columns(d.objectID, d.state, d.reason, d.at).from(d.table).where(d.peerID, .equal, peer.dbText)
                .orderBy(d.at, .descending).limit(limit).all().map { row in
                    (try row.decode(column: d.objectID, as: String.self), try row.enumValue(d.state, as: PeerDeletionState.self),
                     try row.decode(column: d.reason, as: String?.self), try row.date(d.at))
                }
        }
    }

    /// Deletion notices of `collection` stored after `sequence`, in order: what a Kakehashi push peer is owed next.
    public func deletionNotices(in collection: UUID, after sequence: Int64, limit: Int = 1000) async throws -> [(sequence: Int64, notice: DeletionNotice)] {
        let s = Schema.STIXDeletions.self
        return try await database.read { db in
            try await db.select().columns(s.sequence, s.notice).from(s.table)
                .where(s.collectionID, .equal, collection.dbText).where(s.sequence, .greaterThan, sequence)
                .orderBy(s.sequence).limit(limit).all().map { row in
                    let text = try row.decode(column: s.notice, as: String.self)
                    let notice: DeletionNotice
                    do { notice = try JSONDecoder().decode(DeletionNotice.self, from: Data(text.utf8)) } catch {
                        throw StorageError(.invalid, "stored deletion notice \(try row.decode(column: s.sequence, as: Int64.self)) is not a notice: \(error)")
                    }
                    return (try row.decode(column: s.sequence, as: Int64.self), notice)
                }
        }
    }

    /// Moves `peer`'s push deletion cursor to `sequence` (the last notice it acknowledged).
    public func advancePushDeletions(peer: UUID, to sequence: Int64) async throws {
        let s = Schema.PeerState.self
        try await database.transaction { db in
            try await db.update(s.table).set(s.pushDeletionCursor, to: sequence).where(s.peerID, .equal, peer.dbText).run()
        }
    }
}
