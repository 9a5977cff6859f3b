import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// The engine's side of the Kakehashi exchange, against a stand-in peer that speaks WIRE.md.
@Suite struct FederationKakehashiPeerTests {
    func declare(_ world: FederationWorld, port: Int, direction: Peer.Direction, interval: Int = 1) async throws -> Peer {
        let peer = Peer(name: "fin-isac", kind: .kakehashi, apiRoot: "http://127.0.0.1:\(port)/taxii2/hub/", remoteCollection: "c", credential: .file(world.credentialFile),
                        direction: direction, localCollection: world.localCollection.id, organisation: world.remoteStandIn.id, tlpCap: .green, intervalSeconds: interval)
        try await world.local.peers.create(peer)
        return peer
    }

    @Test(arguments: TestEngine.allCases)
    func pullKeepsEachChainRefusesLoopsAndHandsNoticesOn(engine: TestEngine) async throws {
        let fake = FakeKakehashiPeer()
        try await fake.serve { port in
            try await FederationWorld.run(on: engine) { world in
                let peer = try await declare(world, port: port, direction: .pull)
                let ownHub = try await world.local.identity.identity().hubID
                let relayed = FederationWorld.marked(1, .green), looped = FederationWorld.marked(2, .green)
                let far = FederationWorld.marked(3, .green), amber = FederationWorld.marked(4, .amber)
                await fake.add(try json(relayed), chain: ["hub--origin", FakeKakehashiPeer.hubID])
                await fake.add(try json(looped), chain: [ownHub, FakeKakehashiPeer.hubID])
                await fake.add(try json(far), chain: (1...8).map { "hub--\($0)" })
                await fake.add(try json(amber), chain: [FakeKakehashiPeer.hubID])
                let origin = HubIdentity()
                let notice = origin.deletionNotice(objectID: "indicator--gone", deletedAt: Date(timeIntervalSince1970: 1_790_000_000))
                await fake.addNotice(notice)
                let handed = NoticeLog()
                let exchanger = PeerExchanger(hub: world.local, peer: peer, settings: FederationSettings(exchangePageSize: 2), hubID: ownHub,
                                              applyNotices: { notices, _, _ in await handed.append(notices); return (notices.count, []) }, logger: TestHub.logger)

                let outcome = try await exchanger.exchange()

                #expect(outcome.received == 1 && outcome.refusedIn == 3 && outcome.deletionsApplied == 1)
                let stored = try await FederationWorld.inventory(world.local, world.localCollection)
                #expect(stored.map(\.objectID) == [relayed["id"] as! String])
                #expect(stored.first?.subject.chain == ["hub--origin", FakeKakehashiPeer.hubID], "the chain is stored as received, beside the object")
                let codes = Dictionary(uniqueKeysWithValues: try await world.local.peers.refusals(of: peer.id).map { ($0.objectID, $0.code) })
                #expect(codes[looped["id"] as! String] == "peer-in-chain")
                #expect(codes[far["id"] as! String] == "hop-limit")
                #expect(codes[amber["id"] as! String] == "amber-outside-community")
                #expect(await handed.notices == [notice])
                let state = try await world.local.peers.state(of: peer.id)
                #expect(state.remoteHubID == FakeKakehashiPeer.hubID && state.pullCursor == "4000" && state.pullDeletionCursor == 10)
                let pulls = await fake.pulls
                #expect(pulls.first == "after=0&deletions_after=0&limit=2")

                // Asked again, the peer is asked from the stored cursors and nothing is taken twice.
                let again = try await exchanger.exchange()
                #expect(again.received == 0 && again.deletionsApplied == 0)
                #expect(await fake.pulls.last == "after=4000&deletions_after=10&limit=2")
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func pushSendsChainsWithThisHubAppendedAndKeepsWhatThePeerRefused(engine: TestEngine) async throws {
        let fake = FakeKakehashiPeer()
        try await fake.serve { port in
            try await FederationWorld.run(on: engine) { world in
                let peer = try await declare(world, port: port, direction: .both)
                let ownHub = try await world.local.identity.identity().hubID
                let theirs = FederationWorld.marked(1, .green)
                await fake.add(try json(theirs), chain: [FakeKakehashiPeer.hubID])
                let green = FederationWorld.marked(2, .green), refused = FederationWorld.marked(3, .clear), red = FederationWorld.marked(4, .red)
                try await FederationWorld.share([green, refused, red], in: world.local, world.localCollection, by: world.localOperator)
                await fake.refuseOnPush(refused["id"] as! String)

                let outcome = try await world.exchanger(peer).exchange()

                #expect(outcome.received == 1 && outcome.sent == 1 && outcome.peerFailed == 1)
                let push = try #require(await fake.pushes.first)
                #expect(await fake.pushes.count == 1)
                #expect(push.headers[.init("Kakehashi-Hub-ID")!] == ownHub)
                #expect(push.headers[.authorization]?.hasPrefix("Bearer ") == true)
                #expect(push.body["hub_id"]?.stringValue == ownHub)
                let items = push.body["items"]?.arrayValue ?? []
                #expect(Set(items.compactMap { $0["object"]?["id"]?.stringValue }) == Set([green["id"] as! String, refused["id"] as! String]),
                        "neither RED nor the version that came from the peer is sent")
                #expect(items.allSatisfy { $0["chain"] == .array([.string(ownHub)]) })
                let made = try #require(try await FederationWorld.inventory(world.local, world.localCollection).first { $0.objectID == green["id"] as? String })
                #expect(items.first { $0["object"]?["id"]?.stringValue == made.objectID }?["object"] == (try JSONValue.parse(made.json)), "the object crosses unchanged")
                let codes = Dictionary(uniqueKeysWithValues: try await world.local.peers.refusals(of: peer.id).filter { $0.direction == .outbound }.map { ($0.objectID, $0.code) })
                #expect(codes[refused["id"] as! String] == "above-cap", "the peer's refusal is kept with its code")
                #expect(codes[red["id"] as! String] == "red-never-leaves")
                #expect(codes[theirs["id"] as! String] == "peer-in-chain")
                let state = try await world.local.peers.state(of: peer.id)
                #expect(state.sent == 1 && state.remoteHubID == FakeKakehashiPeer.hubID)

                let again = try await world.exchanger(peer).exchange()
                let pushCount = await fake.pushes.count
                #expect(again.sent == 0 && pushCount == 1, "nothing is pushed twice")
            }
        }
    }

    @Test(arguments: [TestEngine.sqlite])
    func thePeersStreamWakesThePullLongBeforeItsInterval(engine: TestEngine) async throws {
        let fake = FakeKakehashiPeer()
        try await fake.serve { port in
            try await FederationWorld.run(on: engine) { world in
                let peer = try await declare(world, port: port, direction: .pull, interval: 3600)
                await fake.add(try json(FederationWorld.marked(1, .green)), chain: [FakeKakehashiPeer.hubID])
                let service = FederationService(hub: world.local, settings: FederationSettings(reloadInterval: .milliseconds(200)), logger: TestHub.logger)
                let running = Task { try await service.run() }
                defer { running.cancel() }
                try await until { try await world.local.peers.state(of: peer.id).received == 1 }
                // Give the stream time to connect: it is followed from now on, and an object announced before would be pulled anyway.
                try await until { await fake.listening }

                await fake.add(try json(FederationWorld.marked(2, .green)), chain: [FakeKakehashiPeer.hubID])

                try await until { try await world.local.peers.state(of: peer.id).received == 2 }
                running.cancel()
                #expect(try await FederationWorld.inventory(world.local, world.localCollection).count == 2, "pulled on the stream's word, not after 3600 s")
            }
        }
    }

    func until(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<300 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the condition did not hold within 30 s")
    }
}

/// A test object as the shared JSON value.
func json(_ object: [String: Any]) throws -> JSONValue {
    try JSONValue.parse(try JSONSerialization.data(withJSONObject: object))
}

actor NoticeLog {
    private(set) var notices: [DeletionNotice] = []
    func append(_ more: [DeletionNotice]) { notices += more }
}
