import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct DemoFederationSeedTests {
    /// The demo's two hubs are declared to each other, and each declaration's credential is a live token of the
    /// organisation that stands for the declaring hub at the other one; a second start changes nothing but the tokens.
    @Test(arguments: TestEngine.allCases) func theDemoHubsAreDeclaredPeersWithWorkingCredentials(engine: TestEngine) async throws {
        try await engine.withScratchDatabase(logger: TestHub.logger) { main in
            try await TestEngine.sqlite.withScratchDatabase(logger: TestHub.logger) { second in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-fed-\(UUID().uuidString)").path
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let hub = Hub(configuration: HubConfiguration(bcryptCost: 4), database: main.database)
                let peer = Hub(configuration: HubConfiguration(port: 8081, bcryptCost: 4), database: second.database)
                let plan = DemoWorld.PeerHubPlan(mainURL: "http://127.0.0.1:8080", peerURL: "http://127.0.0.1:8081", credentialFolder: folder)
                for _ in 0..<2 {
                    try await DemoWorld.seedFederation(main: hub, peer: peer, plan: plan, logger: TestHub.logger)
                }
                let declared = try #require(try await hub.peers.find(name: "financial-isac"))
                let back = try #require(try await peer.peers.find(name: "transport-isac"))
                #expect(declared.apiRoot == "http://127.0.0.1:8081/taxii2/hub/" && back.apiRoot == "http://127.0.0.1:8080/taxii2/hub/")
                #expect(declared.remoteCollection == back.localCollection.uuidString.lowercased())
                #expect(back.remoteCollection == declared.localCollection.uuidString.lowercased())
                let mainPeers = try await hub.peers.list(), peerPeers = try await peer.peers.list()
                #expect(mainPeers.count == 1 && peerPeers.count == 1, "seeded once")

                // The main hub presents its file's token to the peer hub: it is the peer hub's stand-in for the main hub.
                guard case .file(let path) = declared.credential else { Issue.record("the demo credential is not a file"); return }
                let secret = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
                let token = try #require(try await peer.tokens.find(secret: secret), "the token in the file works at the peer hub")
                let owner = try #require(try await peer.users.find(id: token.userID))
                #expect(owner.organisationID == back.organisation)
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

                let shared = try await peer.objects.count(in: back.localCollection)
                #expect(shared == 5, "the Financial ISAC's sample indicators, seeded once")
            }
        }
    }
}
