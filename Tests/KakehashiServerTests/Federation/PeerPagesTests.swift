import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import SQLKit
import Testing

@Suite struct PeerPagesTests {
    /// A declared peer with some history: a success, a failure, a refusal, and a deletion it refused.
    static func peerWithHistory(_ world: PeerWorld) async throws -> Peer {
        let hub = world.base.hub
        let peer = Peer(name: "medallion", kind: .taxii, apiRoot: "https://medallion.example/api1/", remoteCollection: "91a7b528-80eb-42ed-a74d-c6fbd5a26116",
                        credential: .file("/etc/kakehashi/medallion.token"), direction: .push, localCollection: world.collection.id, organisation: world.isac.id,
                        tlpCap: .green, unmarkedDefault: .amber, intervalSeconds: 120)
        try await hub.peers.create(peer)
        try await hub.peers.recordSuccess(peer: peer.id, sent: 40, received: 0, lagObjects: 3, lagSeconds: 4.5, at: Date(timeIntervalSince1970: 1_790_000_000))
        try await hub.peers.recordFailure(peer: peer.id, reason: "HTTP 503 Service Unavailable", at: Date(timeIntervalSince1970: 1_790_000_060))
        try await hub.peers.record([PeerRefusal(peerID: peer.id, direction: .outbound, objectID: "indicator--c", version: "2026-12-01T00:00:00.000Z",
                                                code: "above-cap", reason: "TLP:AMBER is above the peer's cap TLP:GREEN", at: Date(timeIntervalSince1970: 1_790_000_030))])
        try await hub.database.transaction { db in
            try await db.insert(into: SQLIdentifier("peer_deletions")).columns("peer_id", "object_id", "state", "reason", "at")
                .values(SQLBind(peer.id.uuidString.lowercased()), SQLBind("indicator--gone"), SQLBind("refused"), SQLBind("HTTP 403 Forbidden"), SQLBind(Int64(1_790_000_090_000_000)))
                .run()
        }
        return peer
    }

    @Test(arguments: TestEngine.allCases) func thePageShowsEachPeersDeclarationAndStateInBothLanguages(engine: TestEngine) async throws {
        try await PeerWorld.run(on: engine) { world, _ in
            let peer = try await Self.peerWithHistory(world)
            let controller = PeerPagesController(hub: world.base.hub, renderer: try await PageRenderer.load())

            for (language, words) in [("ja", ["送信のみ", "いいえ", "稼働中", "120 秒", "送信時"]), ("en", ["Push only", "no", "active", "120 s", "out"])] {
                let viewer = try await PageViewer.signIn(world.base.hub, as: "center-admin", language: language)
                let model = try await controller.model(page: viewer.page, context: viewer.context)

                let entry = try #require(model.peers.first)
                #expect(model.peers.count == 1 && !model.empty)
                #expect(entry.id == peer.id.uuidString.lowercased() && entry.name == "medallion" && entry.localCollection == "Transport")
                #expect(entry.organisation == (language == "ja" ? "金融ISAC" : "Financial ISAC"))
                #expect([entry.direction, entry.sameCommunity, entry.status, entry.interval] == Array(words.prefix(4)))
                #expect(entry.tlpCap == "TLP:GREEN" && entry.unmarkedDefault == "TLP:AMBER" && entry.credential == "file:/etc/kakehashi/medallion.token")
                #expect(entry.lagObjects == 3 && entry.lagSeconds == "4.5" && entry.sent == 40 && entry.received == 0 && entry.refused == 1 && entry.failures == 1)
                #expect(entry.lastSuccess == viewer.page.time(Date(timeIntervalSince1970: 1_790_000_000)) && entry.lastError == FalseWhenAbsent("HTTP 503 Service Unavailable"))
                #expect(entry.refusals == [.init(time: viewer.page.time(Date(timeIntervalSince1970: 1_790_000_030)), direction: words[4], objectID: "indicator--c", version: "2026-12-01T00:00:00.000Z",
                                                 code: "above-cap", reason: "TLP:AMBER is above the peer's cap TLP:GREEN")])
                #expect(entry.refusedDeletions == [.init(time: viewer.page.time(Date(timeIntervalSince1970: 1_790_000_090)), objectID: "indicator--gone", reason: "HTTP 403 Forbidden")])
                #expect(model.fields.map(\.name) == ["name", "kind", "api_root", "collection", "local_collection", "organisation", "direction", "tlp_cap",
                                                     "same_community", "unmarked_default", "interval", "credential_file", "credential_env"])
                let cap = try #require(model.fields.first { $0.name == "tlp_cap" })
                #expect(cap.options.map(\.value) == ["clear", "green", "amber"] && cap.value == "green")
                let html = controller.renderer.html("peers", language: language, title: "", model: model)
                #expect(html.contains("indicator--gone") && html.contains("/admin/peers/\(entry.id)/pause") && html.contains(viewer.page.session.csrfToken))
            }
            #expect(try await world.base.hub.audit.recent(limit: 10, actionPrefix: "web.peers.read").count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func theFormDeclaresAPeerAndTheButtonsPauseResumeAndRemoveIt(engine: TestEngine) async throws {
        try await PeerWorld.run(on: engine) { world, client in
            let browser = PageBrowser(client: client, browser: try await world.base.signIn(client, as: "center-admin"))
            let fields: [(String, String)] = [
                ("name", "financial-isac"), ("kind", "kakehashi"), ("api_root", "https://fin-isac.example/taxii2/hub/"), ("collection", "transport"),
                ("local_collection", world.collection.id.uuidString.lowercased()), ("organisation", world.isac.id.uuidString.lowercased()), ("direction", "both"),
                ("tlp_cap", "amber"), ("unmarked_default", "amber"), ("interval", "45"), ("credential_file", ""), ("credential_env", "FIN_ISAC_TOKEN"),
            ]

            let refused = try await browser.post("/admin/peers", fields)
            #expect(refused.status == .unprocessableContent, "AMBER without the same community")
            #expect(refused.html.contains("同じコミュニティの連携先にのみ"))
            #expect(try await browser.post("/admin/peers", fields + [("same_community", "on")], csrf: false).status == .forbidden)
            let added = try await browser.post("/admin/peers", fields + [("same_community", "on")])
            #expect(added.status == .seeOther || added.status == .found, "\(added.status) \(added.html)")
            let peer = try #require(try await world.base.hub.peers.find(name: "financial-isac"))
            #expect(peer.tlpCap == .amber && peer.sameCommunity && peer.intervalSeconds == 45 && peer.credential == .environment("FIN_ISAC_TOKEN"))
            let page = try await browser.get("/admin/peers?done=added")
            #expect(page.status == .ok && page.html.contains("連携先を追加しました") && page.html.contains("env:FIN_ISAC_TOKEN"))

            let both = try await browser.post("/admin/peers", fields.map { $0.0 == "credential_file" ? ($0.0, "/etc/token") : $0 })
            #expect(both.status == .unprocessableContent && both.html.contains("どちらか一方"))

            let id = peer.id.uuidString.lowercased()
            #expect(try await browser.post("/admin/peers/\(id)/pause", []).location == "/admin/peers?done=paused")
            #expect(try await world.base.hub.peers.find(id: peer.id)?.paused == true)
            _ = try await browser.post("/admin/peers/\(id)/resume", [])
            #expect(try await world.base.hub.peers.find(id: peer.id)?.paused == false)
            _ = try await browser.post("/admin/peers/\(id)/remove", [])
            #expect(try await world.base.hub.peers.list().isEmpty)
            #expect(try await browser.post("/admin/peers/\(id)/remove", []).status == .notFound)

            let operatorAdmin = PageBrowser(client: client, browser: try await world.base.signIn(client, as: "rail-admin"))
            #expect(try await operatorAdmin.get("/admin/peers").status == .notFound, "an operator's administrator does not run the hub")
            #expect(try await operatorAdmin.post("/admin/peers", fields + [("same_community", "on")]).status == .notFound)
            #expect(try await world.base.hub.peers.list().isEmpty)
            let home = try await browser.get("/")
            #expect(home.html.contains("href=\"/admin/peers\""))
        }
    }
}
