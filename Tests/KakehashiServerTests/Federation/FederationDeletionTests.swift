import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import SQLKit
import Testing

/// The TAXII `DELETE`s owed to a foreign peer for objects deleted here.
@Suite struct FederationDeletionTests {
    /// Owes `peer` the deletion of `objectID`, as the deletion path does.
    func owe(_ world: FederationWorld, _ peer: Peer, _ objectID: String) async throws {
        try await world.local.database.transaction { db in
            try await db.raw("INSERT INTO peer_deletions (peer_id, object_id, state, at) VALUES (\(bind: peer.id.uuidString.lowercased()), \(bind: objectID), 'pending', \(bind: Date().micros))").run()
        }
    }

    @Test(arguments: TestEngine.allCases)
    func owedDeletionsAreSentAndEachEndsDoneOrRefusedWithTheReason(engine: TestEngine) async throws {
        try await FederationWorld.run(on: engine) { world in
            let peer = try await world.declareRemote(direction: .push)
            let ours = FederationWorld.marked(1, .green)
            try await FederationWorld.share([ours], in: world.local, world.localCollection, by: world.localOperator)
            try await world.exchanger(peer).exchange()
            let theirs = FederationWorld.marked(2, .green)
            try await FederationWorld.share([theirs], in: world.remote, world.remoteCollection, by: world.remoteOperator)
            for id in [ours["id"] as! String, theirs["id"] as! String, "indicator--00000000-0000-4000-8000-000000000000"] { try await owe(world, peer, id) }

            let outcome = try await world.exchanger(peer).exchange()

            #expect(outcome.deletionsSent == 2 && outcome.deletionsRefused == 1)
            let remaining = Set(try await FederationWorld.inventory(world.remote, world.remoteCollection).map(\.objectID))
            #expect(remaining == [theirs["id"] as! String], "the object pushed is deleted at the peer; the peer's own is not")
            let settled = Dictionary(uniqueKeysWithValues: try await world.local.federation.deletions(for: peer.id).map { ($0.objectID, $0) })
            #expect(settled[ours["id"] as! String]?.state == .done)
            #expect(settled["indicator--00000000-0000-4000-8000-000000000000"]?.state == .done)
            let refused = try #require(settled[theirs["id"] as! String])
            #expect(refused.state == .refused && refused.reason?.hasPrefix("HTTP 403") == true, "\(String(describing: refused.reason))")
            #expect(try await world.local.federation.pendingDeletions(for: peer.id).isEmpty)
            #expect(try await world.local.audit.entries().filter { $0.action == "federation.delete" }.count == 3)
        }
    }
}
