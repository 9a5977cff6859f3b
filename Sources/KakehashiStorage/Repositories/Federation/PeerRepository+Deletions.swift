import Foundation
import KakehashiCore
import SQLKit

extension PeerRepository {
    /// A deletion a foreign peer was asked to carry out (a TAXII `DELETE` of an object it was pushed) and refused:
    /// the object is still there, and the peer page lists it as not carried out.
    public struct RefusedDeletion: Sendable, Equatable {
        public let objectID: String
        /// What the peer answered, when it said.
        public let reason: String?
        public let at: Date

        public init(objectID: String, reason: String?, at: Date) {
            self.objectID = objectID
            self.reason = reason
            self.at = at
        }
    }

    /// The deletions `peer` refused to carry out, newest first.
    public func refusedDeletions(of peer: UUID, limit: Int = 50) async throws -> [RefusedDeletion] {
        let d = Schema.PeerDeletions.self
        return try await database.read { db in
            try await db.select().columns(d.objectID, d.reason, d.at).from(d.table)
                .where(d.peerID, .equal, peer.dbText).where(d.state, .equal, "refused")
                .orderBy(d.at, .descending).orderBy(d.objectID).limit(limit).all().map { row in
                    RefusedDeletion(objectID: try row.decode(column: d.objectID, as: String.self),
                                    reason: try row.decode(column: d.reason, as: String?.self),
                                    at: try row.date(d.at))
                }
        }
    }
}
