import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct PeerAPITests {
    @Test(arguments: TestEngine.allCases) func aHubAdministratorDeclaresListsPausesAndRemovesAPeer(engine: TestEngine) async throws {
        try await PeerWorld.run(on: engine) { world, client in
            let created = try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: PeerWorld.declaration())
            #expect(created.status == .created, "\(created.body)")
            let peer = try created.decode(PeerResponse.self)
            #expect(peer.name == "financial-isac" && peer.kind == "kakehashi" && peer.direction == "both" && peer.collection == "transport")
            #expect(peer.localCollection == world.collection.id.uuidString && peer.organisation == world.isac.id.uuidString)
            #expect(peer.tlpCap == "amber" && peer.sameCommunity && peer.unmarkedDefault == "amber" && peer.intervalSeconds == 30 && !peer.paused)
            #expect(peer.credential == "env:FIN_ISAC_TOKEN")
            #expect(peer.state.sent == 0 && peer.state.lastSuccessAt == nil && peer.refusals == nil)
            let id = try #require(UUID(uuidString: peer.id))

            try await world.base.hub.peers.recordSuccess(peer: id, sent: 3, received: 5, lagObjects: 7, lagSeconds: 2.5)
            try await world.base.hub.peers.recordFailure(peer: id, reason: "the peer answered HTTP 502")
            try await world.base.hub.peers.record([PeerRefusal(peerID: id, direction: .outbound, objectID: "indicator--a", version: "2026-12-01T00:00:00.000Z",
                                                               code: "red-never-leaves", reason: "TLP:RED never leaves the hub")])
            let listed = try await world.call(client, .get, "/api/v1/peers", as: "center-admin")
            #expect(listed.status == .ok)
            let peers = try listed.decode([PeerResponse].self)
            #expect(peers.map(\.name) == ["financial-isac"])
            let state = try #require(peers.first?.state)
            #expect(state.sent == 3 && state.received == 5 && state.refused == 1 && state.lagObjects == 7 && state.lagSeconds == 2.5)
            #expect(state.consecutiveFailures == 1 && state.lastError == "the peer answered HTTP 502" && state.lastSuccessAt != nil)

            let shown = try await world.call(client, .get, "/api/v1/peers/\(peer.id)", as: "center-admin")
            #expect(try shown.decode(PeerResponse.self).refusals?.map(\.code) == ["red-never-leaves"])
            #expect(try shown.decode(PeerResponse.self).refusedDeletions?.isEmpty == true)
            let refusals = try await world.call(client, .get, "/api/v1/peers/\(peer.id)/refusals", as: "center-admin")
            #expect(try refusals.decode([PeerResponse.Refusal].self).map { "\($0.direction) \($0.objectID) \($0.reason)" } == ["out indicator--a TLP:RED never leaves the hub"])

            let paused = try await world.call(client, .post, "/api/v1/peers/\(peer.id)/pause", as: "center-admin")
            #expect(try paused.decode(PeerResponse.self).paused)
            #expect(try await world.base.hub.peers.find(id: id)?.paused == true)
            let resumed = try await world.call(client, .post, "/api/v1/peers/\(peer.id)/resume", as: "center-admin")
            #expect(try resumed.decode(PeerResponse.self).paused == false)

            let removed = try await world.call(client, .delete, "/api/v1/peers/\(peer.id)", as: "center-admin")
            #expect(removed.status == .noContent)
            #expect(try await world.base.hub.peers.list().isEmpty)
            #expect(try await world.call(client, .get, "/api/v1/peers/\(peer.id)", as: "center-admin").status == .notFound)
            #expect(try await world.call(client, .delete, "/api/v1/peers/\(peer.id)", as: "center-admin").status == .notFound)

            let actions = try await world.base.hub.audit.recent(limit: 50, actionPrefix: "peer.").map(\.action)
            for action in ["peer.create", "peer.list", "peer.read", "peer.refusals.read", "peer.pause", "peer.resume", "peer.remove"] {
                #expect(actions.contains(action), "\(action) is audited")
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func onlyHubAdministratorsManagePeers(engine: TestEngine) async throws {
        try await PeerWorld.run(on: engine) { world, client in
            let declared = try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: PeerWorld.declaration())
            let id = try declared.decode(PeerResponse.self).id
            for user in ["rail-admin", "rail-analyst", "rail-viewer"] {
                for (method, path) in [(HTTPRequest.Method.get, "/api/v1/peers"), (.get, "/api/v1/peers/\(id)"), (.get, "/api/v1/peers/\(id)/refusals"),
                                       (.post, "/api/v1/peers/\(id)/pause"), (.delete, "/api/v1/peers/\(id)")] {
                    let response = try await world.call(client, method, path, as: user)
                    #expect(response.status == .forbidden, "\(user) \(method) \(path)")
                }
                let create = try await world.call(client, .post, "/api/v1/peers", as: user, body: PeerWorld.declaration(name: "by-\(user)"))
                #expect(create.status == .forbidden, "\(user) may not declare a peer")
            }
            try await client.execute(uri: "/api/v1/peers", method: .get) { #expect($0.status == .unauthorized) }
            #expect(try await world.base.hub.peers.list().map(\.name) == ["financial-isac"])
            #expect(try await world.base.hub.peers.list().first?.paused == false)
        }
    }

    @Test(arguments: TestEngine.allCases) func aBadDeclarationNamesTheFieldAndASecretIsNeverEchoed(engine: TestEngine) async throws {
        try await PeerWorld.run(on: engine) { world, client in
            let secret = "tok_5up3r-s3cret-value"
            let cases: [([String: Any], String)] = [
                (["credential": secret], "credential"),
                (["credential": "Bearer " + secret], "credential"),
                (["credential": "file:relative/\(secret)"], "credential"),
                (["tlpCap": "amber", "sameCommunity": false], "tlpCap"),
                (["tlpCap": "amber+strict"], "tlpCap"),
                (["tlpCap": "red"], "tlpCap"),
                (["unmarkedDefault": "purple"], "unmarkedDefault"),
                (["apiRoot": "not a url"], "apiRoot"),
                (["intervalSeconds": 0], "intervalSeconds"),
                (["kind": "misp"], "kind"),
                (["direction": "sideways"], "direction"),
                (["localCollection": "no-such-collection"], "localCollection"),
                (["organisation": "No Such Org"], "organisation"),
                (["name": "has space"], "name"),
                (["collection": "a/b"], "collection"),
            ]
            for (change, field) in cases {
                let response = try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: PeerWorld.declaration(change))
                #expect(response.status == .badRequest, "\(change)")
                let error = try response.decode(ErrorResponse.self).error
                #expect(error.code == "invalid-field" && error.field == field, "\(change): \(response.body)")
                #expect(!response.body.contains(secret), "the secret is never echoed: \(response.body)")
            }
            #expect(try await world.base.hub.peers.list().isEmpty)
            let audit = try await world.base.hub.audit.recent(limit: 200, actionPrefix: nil)
            #expect(!audit.contains { $0.details.contains(secret) })

            #expect(try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: PeerWorld.declaration()).status == .created)
            let again = try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: PeerWorld.declaration())
            #expect(again.status == .conflict)
            let missing = try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: ["name": "x"])
            #expect(missing.status == .badRequest)
            #expect(try await world.call(client, .get, "/api/v1/peers/not-a-uuid", as: "center-admin").status == .badRequest)
        }
    }

    @Test(arguments: TestEngine.allCases) func metricsCarryEachPeersStateByName(engine: TestEngine) async throws {
        try await PeerWorld.run(on: engine) { world, client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(!String(buffer: response.body).contains("kakehashi_peer_"), "no peer, no series")
            }
            let declared = try await world.call(client, .post, "/api/v1/peers", as: "center-admin", body: PeerWorld.declaration())
            let id = try #require(UUID(uuidString: try declared.decode(PeerResponse.self).id))
            let medallion = try await world.call(client, .post, "/api/v1/peers", as: "center-admin",
                                                 body: PeerWorld.declaration(name: "medallion", ["kind": "taxii", "tlpCap": "green", "credential": "none"]))
            #expect(medallion.status == .created)
            try await world.base.hub.peers.recordSuccess(peer: id, sent: 12, received: 34, lagObjects: 5, lagSeconds: 1.5, at: Date(timeIntervalSince1970: 1_790_000_000))
            try await world.base.hub.peers.recordFailure(peer: id, reason: "timeout")
            try await world.base.hub.peers.recordFailure(peer: id, reason: "timeout")
            try await world.base.hub.peers.record([PeerRefusal(peerID: id, direction: .inbound, objectID: "indicator--b", version: nil, code: "invalid", reason: "bad pattern")])

            let text = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }

            let lines = Set(text.split(separator: "\n").map(String.init))
            for line in [
                #"kakehashi_peer_lag_objects{peer="financial-isac"} 5"#, #"kakehashi_peer_lag_seconds{peer="financial-isac"} 1.5"#,
                #"kakehashi_peer_sent_total{peer="financial-isac"} 12"#, #"kakehashi_peer_received_total{peer="financial-isac"} 34"#,
                #"kakehashi_peer_refused_total{peer="financial-isac"} 1"#, #"kakehashi_peer_consecutive_failures{peer="financial-isac"} 2"#,
                #"kakehashi_peer_last_success_timestamp_seconds{peer="financial-isac"} 1790000000"#,
                #"kakehashi_peer_sent_total{peer="medallion"} 0"#, #"kakehashi_peer_last_success_timestamp_seconds{peer="medallion"} 0"#,
                "# TYPE kakehashi_peer_sent_total counter", "# TYPE kakehashi_peer_lag_seconds gauge",
            ] {
                #expect(lines.contains(line), "\(line) in /metrics")
            }
            #expect(text.contains(#"kakehashi_http_requests_total{method="POST",status="201"}"#), "the request counters are still there")

            _ = try await world.call(client, .delete, "/api/v1/peers/\(id)", as: "center-admin")
            let after = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            #expect(!after.contains(#"peer="financial-isac""#) && after.contains(#"kakehashi_peer_sent_total{peer="medallion"} 0"#), "a removed peer's series go with it")
        }
    }
}
