import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// A foreign TAXII server that misbehaves on purpose: `/mixed/` serves a valid and an invalid object,
/// `/broken/` answers 500, `/garbage/` answers 200 with HTML.
struct MisbehavingTAXIIServer {
    static let validID = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
    static let invalidID = "indicator--6f1c3c4e-2a07-4a6e-9bd5-0a8f0c1e5b11"
    static var valid: [String: Any] { FederationWorld.marked(1, .green, id: validID) }
    static var invalid: [String: Any] {
        var object = FederationWorld.marked(2, .green, id: invalidID)
        object["pattern"] = nil
        return object
    }

    static func serve(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        let envelope = try JSONSerialization.data(withJSONObject: ["more": false, "objects": [valid, invalid]])
        router.get("mixed/collections/c/objects") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: TAXIIMediaType.taxii, .init("X-TAXII-Date-Added-Last")!: "2026-11-20T01:02:03.456789Z"],
                     body: .init(byteBuffer: ByteBuffer(bytes: envelope)))
        }
        router.get("broken/collections/c/objects") { _, _ -> Response in
            Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "upstream exploded")))
        }
        router.get("garbage/collections/c/objects") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html>maintenance</html>")))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestHub.logger)
        try await app.test(.live) { client in try await body(try #require(client.port)) }
    }
}

@Suite struct FederationFaultTests {
    func declare(_ world: FederationWorld, _ name: String, apiRoot: String) async throws -> Peer {
        let peer = Peer(name: name, kind: .taxii, apiRoot: apiRoot, remoteCollection: "c", credential: .file(world.credentialFile), direction: .pull,
                        localCollection: world.localCollection.id, organisation: world.remoteStandIn.id, tlpCap: .green, intervalSeconds: 1)
        try await world.local.peers.create(peer)
        return peer
    }

    @Test(arguments: TestEngine.allCases)
    func anInvalidObjectIsRefusedAloneWithTheRuleItBroke(engine: TestEngine) async throws {
        try await MisbehavingTAXIIServer.serve { port in
            try await FederationWorld.run(on: engine) { world in
                let peer = try await declare(world, "mixed", apiRoot: "http://127.0.0.1:\(port)/mixed/")

                let outcome = try await world.exchanger(peer).exchange()

                #expect(outcome.received == 1 && outcome.refusedIn == 1)
                #expect(try await FederationWorld.inventory(world.local, world.localCollection).map(\.objectID) == [MisbehavingTAXIIServer.validID])
                let refusal = try #require(try await world.local.peers.refusals(of: peer.id).first)
                #expect(refusal.objectID == MisbehavingTAXIIServer.invalidID && refusal.code == "invalid" && refusal.direction == .inbound)
                #expect(refusal.reason.contains("pattern"), "the reason names the rule: \(refusal.reason)")
                #expect(try await world.local.peers.state(of: peer.id).pullCursor == "2026-11-20T01:02:03.456789Z")

                // Asked again (the overlap returns the same page), nothing is stored or refused twice.
                let again = try await world.exchanger(peer).exchange()
                #expect(again.received == 0)
                #expect(try await world.local.peers.state(of: peer.id).refused <= 2)
            }
        }
    }

    @Test func backoffDoublesFromTheFirstWaitUpToTheCap() {
        let settings = FederationSettings(initialBackoff: .seconds(1), maximumBackoff: .seconds(300))
        #expect(settings.backoff(afterFailures: 0) == .zero)
        #expect(settings.backoff(afterFailures: 1) == .seconds(1))
        #expect(settings.backoff(afterFailures: 2) == .seconds(2))
        #expect(settings.backoff(afterFailures: 5) == .seconds(16))
        #expect(settings.backoff(afterFailures: 9) == .seconds(256))
        #expect(settings.backoff(afterFailures: 10) == .seconds(300))
        #expect(settings.backoff(afterFailures: 1000) == .seconds(300))
    }

    @Test(arguments: TestEngine.allCases)
    func failingPeersBackOffWithTheirReasonWhileAnotherKeepsWorking(engine: TestEngine) async throws {
        try await MisbehavingTAXIIServer.serve { port in
            try await FederationWorld.run(on: engine) { world in
                let good = try await world.declareRemote(name: "good", direction: .pull)
                let down = try await declare(world, "down", apiRoot: "http://127.0.0.1:1/taxii2/")
                let broken = try await declare(world, "broken", apiRoot: "http://127.0.0.1:\(port)/broken/")
                let garbage = try await declare(world, "garbage", apiRoot: "http://127.0.0.1:\(port)/garbage/")
                try await FederationWorld.share([FederationWorld.marked(1, .green)], in: world.remote, world.remoteCollection, by: world.remoteOperator)
                let settings = FederationSettings(reloadInterval: .milliseconds(200), initialBackoff: .milliseconds(100), maximumBackoff: .seconds(1))
                let service = FederationService(hub: world.local, settings: settings, logger: TestHub.logger)
                let running = Task { try await service.run() }
                defer { running.cancel() }

                let first = try await eventually(world.local) { $0[good.id]?.received == 1 }
                try await FederationWorld.share([FederationWorld.marked(2, .green)], in: world.remote, world.remoteCollection, by: world.remoteOperator)
                let states = try await eventually(world.local) { states in
                    states[good.id]?.received == 2 && [down, broken, garbage].allSatisfy { (states[$0.id]?.consecutiveFailures ?? 0) >= 3 }
                }
                running.cancel()
                _ = try? await running.value

                #expect(first[good.id]?.lastError == nil)
                #expect(states[good.id]?.consecutiveFailures == 0 && states[good.id]?.lastError == nil)
                let downError = try #require(states[down.id]?.lastError)
                #expect(downError.contains("http://127.0.0.1:1/taxii2/collections/c/objects/"), "names the URL: \(downError)")
                let brokenError = try #require(states[broken.id]?.lastError)
                #expect(brokenError.contains("HTTP 500") && brokenError.contains("upstream exploded"), "\(brokenError)")
                #expect(try #require(states[garbage.id]?.lastError).contains("not JSON"))
                let token = try String(contentsOfFile: world.credentialFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(!states.values.contains { $0.lastError?.contains(token) == true }, "no credential in a reason")
            }
        }
    }

    /// The stored exchange states once `condition` holds (checked every 100 ms, for at most 60 s).
    func eventually(_ hub: Hub, _ condition: ([UUID: PeerExchangeState]) -> Bool) async throws -> [UUID: PeerExchangeState] {
        for _ in 0..<600 {
            let states = try await hub.peers.states()
            if condition(states) { return states }
            try await Task.sleep(for: .milliseconds(100))
        }
        let states = try await hub.peers.states()
        Issue.record("the peers did not reach the expected state: \(states)")
        return states
    }
}
