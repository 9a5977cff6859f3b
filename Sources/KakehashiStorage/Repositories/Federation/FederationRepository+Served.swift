import Foundation
import KakehashiCore
import SQLKit

extension FederationRepository {
    /// Records what a Kakehashi peer took from this hub with one pull: how many versions it was sent, the
    /// versions refused for it that were not recorded before (a peer pulls the same page again after a
    /// failure or with an overlapping cursor, and a refusal is recorded once), and `audit`, in one commit.
    /// - Returns: how many refusals were recorded now.
    @discardableResult
    public func recordServed(peer: UUID, sent: Int, refusals: [PeerRefusal], audit: AuditRecord?, now: Date = Date()) async throws -> Int {
        try await database.transaction { db in
            let fresh = try await Self.unrecorded(refusals, of: peer, on: db)
            try await PeerRepository.record(fresh, on: db)
            if sent > 0 {
                let s = Schema.PeerState.self
                try await db.update(s.table).set(SQLIdentifier(s.sent.string), to: SQLRaw("\(s.sent.string) + \(sent)"))
                    .where(s.peerID, .equal, peer.dbText).run()
            }
            if var audit {
                audit.details["refusals_recorded"] = String(fresh.count)
                _ = try await AuditLog.append(audit, on: db, now: now)
            }
            return fresh.count
        }
    }

    /// The outbound refusals of `peer` among `refusals` that are not stored yet (same object, version and code).
    static func unrecorded(_ refusals: [PeerRefusal], of peer: UUID, on db: any SQLDatabase) async throws -> [PeerRefusal] {
        guard !refusals.isEmpty else { return [] }
        let r = Schema.PeerRefusals.self
        struct Key: Hashable { let object: String, version: String?, code: String }
        var stored = Set<Key>()
        for slice in Array(Set(refusals.map(\.objectID))).chunked(into: 500) {
            for row in try await db.select().columns(r.objectID, r.version, r.code).from(r.table).where(r.peerID, .equal, peer.dbText)
                .where(r.direction, .equal, PeerRefusal.Direction.outbound.rawValue).where(r.objectID, .in, Array(slice)).all() {
                stored.insert(Key(object: try row.decode(column: r.objectID, as: String.self), version: try row.decode(column: r.version, as: String?.self),
                                  code: try row.decode(column: r.code, as: String.self)))
            }
        }
        return refusals.filter { stored.insert(Key(object: $0.objectID, version: $0.version, code: $0.code)).inserted }
    }
}
