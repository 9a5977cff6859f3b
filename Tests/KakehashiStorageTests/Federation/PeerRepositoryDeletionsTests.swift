import Foundation
import KakehashiCore
@testable import KakehashiStorage
import SQLKit
import Testing

@Suite struct PeerRepositoryDeletionsTests {
    /// Writes a row of `peer_deletions` as the exchange does when it asks a foreign peer to delete an object.
    static func owe(_ database: HubDatabase, peer: UUID, object: String, state: String, reason: String?, at: Int64) async throws {
        let d = Schema.PeerDeletions.self
        try await database.transaction { db in
            try await db.insert(into: d.table).columns(d.peerID, d.objectID, d.state, d.reason, d.at)
                .values(SQLBind(peer.dbText), SQLBind(object), SQLBind(state), SQLBind(reason), SQLBind(at * 1_000_000)).run()
        }
    }

    @Test(arguments: TestEngine.allCases)
    func onlyTheDeletionsAPeerRefusedAreListedNewestFirst(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (collection, isac) = try await PeerRepositoryTests.world(database)
            let peers = PeerRepository(database: database)
            let medallion = Peer(name: "medallion", kind: .taxii, apiRoot: "https://medallion.example/api1/", remoteCollection: "c1",
                                 direction: .push, localCollection: collection.id, organisation: isac.id)
            let other = Peer(name: "other", kind: .taxii, apiRoot: "https://other.example/api1/", remoteCollection: "c2",
                             direction: .push, localCollection: collection.id, organisation: isac.id)
            try await peers.create(medallion)
            try await peers.create(other)
            try await Self.owe(database, peer: medallion.id, object: "indicator--1", state: "refused", reason: "HTTP 403: deletes are not allowed", at: 1_790_000_100)
            try await Self.owe(database, peer: medallion.id, object: "indicator--2", state: "done", reason: nil, at: 1_790_000_200)
            try await Self.owe(database, peer: medallion.id, object: "indicator--3", state: "pending", reason: nil, at: 1_790_000_300)
            try await Self.owe(database, peer: medallion.id, object: "malware--4", state: "refused", reason: nil, at: 1_790_000_400)
            try await Self.owe(database, peer: other.id, object: "indicator--5", state: "refused", reason: "HTTP 405", at: 1_790_000_500)

            let refused = try await peers.refusedDeletions(of: medallion.id)

            #expect(refused == [
                PeerRepository.RefusedDeletion(objectID: "malware--4", reason: nil, at: Date(timeIntervalSince1970: 1_790_000_400)),
                PeerRepository.RefusedDeletion(objectID: "indicator--1", reason: "HTTP 403: deletes are not allowed", at: Date(timeIntervalSince1970: 1_790_000_100)),
            ])
            #expect(try await peers.refusedDeletions(of: medallion.id, limit: 1).map(\.objectID) == ["malware--4"])
            #expect(try await peers.refusedDeletions(of: other.id).map(\.objectID) == ["indicator--5"])
            try await peers.remove(id: medallion.id)
            #expect(try await peers.refusedDeletions(of: medallion.id).isEmpty)
        }
    }
}
