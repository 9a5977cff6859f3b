import Foundation
import KakehashiCore
@testable import KakehashiStorage
import SQLKit
import Testing

@Suite struct PeerDeletionsTests {
    @Test(arguments: TestEngine.allCases)
    func owedDeletionsAreReadInOrderAndMarkedDoneOrRefused(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (collection, isac) = try await PeerRepositoryTests.world(database)
            let peers = PeerRepository(database: database)
            let peer = Peer(name: "medallion", kind: .taxii, apiRoot: "http://127.0.0.1:9/api1/", remoteCollection: "c", direction: .push,
                            localCollection: collection.id, organisation: isac.id)
            try await peers.create(peer)
            let federation = FederationRepository(database: database, objects: STIXObjectRepository(database: database))
            try await database.transaction { db in
                for (n, id) in ["indicator--b", "indicator--a", "indicator--c"].enumerated() {
                    try await db.insert(into: Schema.PeerDeletions.table)
                        .columns(Schema.PeerDeletions.peerID, Schema.PeerDeletions.objectID, Schema.PeerDeletions.state, Schema.PeerDeletions.at)
                        .values(SQLBind(peer.id.dbText), SQLBind(id), SQLBind("pending"), SQLBind(Int64(1_790_000_000_000_000 + n))).run()
                }
            }

            #expect(try await federation.pendingDeletions(for: peer.id) == ["indicator--b", "indicator--a", "indicator--c"])
            try await federation.markDeletion(for: peer.id, objectID: "indicator--b", .done)
            try await federation.markDeletion(for: peer.id, objectID: "indicator--a", .refused, reason: "HTTP 403: deletion is not allowed")

            #expect(try await federation.pendingDeletions(for: peer.id) == ["indicator--c"])
            let settled = try await federation.deletions(for: peer.id)
            #expect(settled.first { $0.objectID == "indicator--a" }?.state == .refused)
            #expect(settled.first { $0.objectID == "indicator--a" }?.reason == "HTTP 403: deletion is not allowed")
            #expect(settled.first { $0.objectID == "indicator--b" }?.state == .done)
            #expect(try await federation.pendingDeletions(for: UUID()).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func noticesAfterTheCursorAreReadInSequenceAndTheCursorMoves(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (collection, isac) = try await PeerRepositoryTests.world(database)
            let peers = PeerRepository(database: database)
            let peer = Peer(name: "fin-isac", kind: .kakehashi, apiRoot: "http://127.0.0.1:9/taxii2/hub/", remoteCollection: "c", direction: .push,
                            localCollection: collection.id, organisation: isac.id)
            try await peers.create(peer)
            let federation = FederationRepository(database: database, objects: STIXObjectRepository(database: database))
            let identity = HubIdentity()
            let notices = (1...3).map { identity.deletionNotice(objectID: "indicator--\($0)", deletedAt: Date(timeIntervalSince1970: 1_790_000_000 + Double($0))) }
            try await database.transaction { db in
                for (n, notice) in notices.enumerated() {
                    try await db.insert(into: Schema.STIXDeletions.table)
                        .columns(Schema.STIXDeletions.sequence, Schema.STIXDeletions.collectionID, Schema.STIXDeletions.objectID, Schema.STIXDeletions.originHub,
                                 Schema.STIXDeletions.notice, Schema.STIXDeletions.deletedAt)
                        .values(SQLBind(Int64(n + 1) * 10), SQLBind(collection.id.dbText), SQLBind(notice.objectID), SQLBind(notice.originHub),
                                SQLBind(String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)), SQLBind(Int64(n))).run()
                }
            }

            let after = try await federation.deletions(in: collection.id, after: 10, limit: 100).deletions
            #expect(after.map(\.sequence) == [20, 30])
            #expect(after.map(\.notice) == Array(notices.dropFirst()))
            #expect(throws: Never.self) { try after.first?.notice.verify() }
            #expect(try await federation.deletions(in: UUID(), after: 0, limit: 100).deletions.isEmpty)
            try await federation.advancePushDeletions(peer: peer.id, to: 30)
            #expect(try await peers.state(of: peer.id).pushDeletionCursor == 30)
        }
    }
}
