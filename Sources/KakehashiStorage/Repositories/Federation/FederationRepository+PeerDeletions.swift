import Foundation
import KakehashiCore
import SQLKit

/// The deletions federation owes its peers: TAXII `DELETE`s to foreign peers (`peer_deletions`), and the
/// their states for the peer page. (Deletion notices are paged by ``deletions(in:after:limit:)``.)
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
}
