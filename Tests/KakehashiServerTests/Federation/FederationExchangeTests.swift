import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// Pull and push between two real hubs over loopback, the remote one seen as a plain TAXII 2.1 peer.
@Suite struct FederationExchangeTests {
    @Test(arguments: TestEngine.allCases)
    func pullTakesWhatThePeerSeesWithinTheCapAndRefusesTheRestAlone(engine: TestEngine) async throws {
        try await FederationWorld.run(on: engine) { world in
            let peer = try await world.declareRemote(direction: .pull, tlpCap: .green)
            let clear = FederationWorld.marked(1, .clear), green = FederationWorld.marked(2, .green), amber = FederationWorld.marked(3, .amber)
            let unmarked = FederationWorld.marked(4, nil), red = FederationWorld.marked(5, .red)
            let revised = FederationWorld.marked(6, .green, modified: "2026-11-21T00:00:00.000Z", id: green["id"] as? String)
            try await FederationWorld.share([clear, green, amber, unmarked, red, revised], in: world.remote, world.remoteCollection, by: world.remoteOperator)

            let outcome = try await world.exchanger(peer).exchange()

            let stored = try await FederationWorld.inventory(world.local, world.localCollection)
            let ids = Set(stored.map(\.objectID))
            #expect(ids == Set([clear, green, unmarked].map { $0["id"] as! String }))
            #expect(stored.filter { $0.objectID == green["id"] as? String }.count == 2, "both versions of an object cross")
            #expect(stored.allSatisfy { $0.sourcePeer == peer.id })
            #expect(outcome.received == 4)
            let refusals = try await world.local.peers.refusals(of: peer.id)
            #expect(refusals.map(\.objectID) == [amber["id"] as! String], "RED is not visible to the peer's organisation at the remote; AMBER is refused, not re-labelled")
            #expect(refusals.first?.code == "amber-outside-community" && refusals.first?.direction == .inbound)
            let state = try await world.local.peers.state(of: peer.id)
            #expect(state.received == 4 && state.refused == 1 && state.pullCursor != nil && state.consecutiveFailures == 0 && state.lastSuccessAt != nil)
            let audit = try await world.local.audit.entries()
            #expect(audit.contains { $0.action == "federation.pull" && $0.details.contains("\"accepted\":\"") })
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anUnmarkedObjectIsRefusedWhereThisCollectionWouldWidenIt(engine: TestEngine) async throws {
        try await FederationWorld.run(on: engine) { world in
            // The peer treats unmarked objects as RED; stored here they would be AMBER, wider: refused. (The first test accepts them at AMBER.)
            let peer = try await world.declareRemote(direction: .pull, tlpCap: .green, unmarkedDefault: .red)
            let unmarked = FederationWorld.marked(1, nil), green = FederationWorld.marked(2, .green)
            try await FederationWorld.share([unmarked, green], in: world.remote, world.remoteCollection, by: world.remoteOperator)

            try await world.exchanger(peer).exchange()

            #expect(try await FederationWorld.inventory(world.local, world.localCollection).map(\.objectID) == [green["id"] as! String])
            #expect(try await world.local.peers.refusals(of: peer.id).map(\.code) == ["unmarked-default-wider"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func pushSendsOnlyWhatTheEgressDecisionAllowsAndNeverBackToItsSource(engine: TestEngine) async throws {
        try await FederationWorld.run(on: engine) { world in
            let peer = try await world.declareRemote(direction: .both, tlpCap: .green)
            let theirs = FederationWorld.marked(1, .green)
            try await FederationWorld.share([theirs], in: world.remote, world.remoteCollection, by: world.remoteOperator)
            let clear = FederationWorld.marked(2, .clear), green = FederationWorld.marked(3, .green), amber = FederationWorld.marked(4, .amber)
            let strict = FederationWorld.marked(5, .amberStrict), red = FederationWorld.marked(6, .red), unmarked = FederationWorld.marked(7, nil)
            try await FederationWorld.share([clear, green, amber, strict, red, unmarked], in: world.local, world.localCollection, by: world.localOperator)

            let outcome = try await world.exchanger(peer).exchange()

            let atRemote = try await FederationWorld.inventory(world.remote, world.remoteCollection)
            #expect(Set(atRemote.map(\.objectID)) == Set([theirs, clear, green].map { $0["id"] as! String }))
            #expect(atRemote.count == 3, "the pulled object is not sent back")
            #expect(outcome.sent == 2)
            let codes = Dictionary(grouping: try await world.local.peers.refusals(of: peer.id).filter { $0.direction == .outbound }, by: \.objectID).mapValues { $0.map(\.code) }
            #expect(codes[amber["id"] as! String] == ["amber-outside-community"])
            #expect(codes[strict["id"] as! String] == ["amber-strict-never-leaves"])
            #expect(codes[red["id"] as! String] == ["red-never-leaves"])
            #expect(codes[unmarked["id"] as! String] == ["amber-outside-community"], "unmarked, it is judged at its collection's default, AMBER")
            #expect(codes[theirs["id"] as! String] == ["peer-in-chain"])
            let state = try await world.local.peers.state(of: peer.id)
            #expect(state.sent == 2 && state.lagObjects == 0)
            // The object crossed unchanged: the remote holds the same text the local hub made.
            let sentText = try #require(atRemote.first { $0.objectID == clear["id"] as? String }?.json)
            let madeText = try #require(try await FederationWorld.inventory(world.local, world.localCollection).first { $0.objectID == clear["id"] as? String }?.json)
            #expect(try JSONValue.parse(sentText) == JSONValue.parse(madeText))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aRestartResumesFromTheStoredCursorsWithoutDuplicates(engine: TestEngine) async throws {
        try await FederationWorld.run(on: engine) { world in
            let peer = try await world.declareRemote(direction: .both, tlpCap: .green)
            try await FederationWorld.share((1...7).map { FederationWorld.marked($0, .green) }, in: world.remote, world.remoteCollection, by: world.remoteOperator)
            try await FederationWorld.share((11...15).map { FederationWorld.marked($0, .clear) }, in: world.local, world.localCollection, by: world.localOperator)
            let first = try await world.exchanger(peer).exchange()
            #expect(first.received == 7 && first.sent == 5)

            // A new exchanger is what a restarted hub makes: it has only the stored cursors.
            let again = try await world.exchanger(peer).exchange()
            let late = FederationWorld.marked(8, .green)
            try await FederationWorld.share([late], in: world.remote, world.remoteCollection, by: world.remoteOperator)
            let third = try await world.exchanger(peer).exchange()

            #expect(again.received == 0 && again.sent == 0)
            #expect(third.received == 1 && third.sent == 0)
            let local = try await FederationWorld.inventory(world.local, world.localCollection)
            #expect(local.count == 13 && Set(local.map(\.objectID)).count == 13)
            let remote = try await FederationWorld.inventory(world.remote, world.remoteCollection)
            #expect(remote.count == 13 && Set(remote.map(\.objectID)).count == 13)
            let state = try await world.local.peers.state(of: peer.id)
            #expect(state.received == 8 && state.sent == 5)
        }
    }
}
