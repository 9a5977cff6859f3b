import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct MemberAndTokenPagesTests {
    static func tokens(_ world: ReportingWorld, of username: String) async throws -> [APIToken] {
        let user = try #require(try await world.hub.users.list().first { $0.username == username })
        return try await world.hub.tokens.list(userID: user.id)
    }

    @Test(arguments: TestEngine.allCases) func membersAreForAdministrators(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let analyst = try await PageBrowser.signIn(world, as: "rail-analyst")
            #expect(try await analyst.get("/admin/members").status == .notFound)
            #expect(!(try await analyst.get("/").html.contains(#"href="/admin/members""#)))
            let admin = try await PageBrowser.signIn(world, as: "rail-admin")

            let own = try await admin.get("/admin/members")
            let hubAdmin = try await (try await PageBrowser.signIn(world, as: "center-admin")).get("/admin/members?lang=en")

            #expect(own.status == .ok && own.html.contains(#"href="/admin/members">メンバー管理</a>"#))
            #expect(own.html.contains("rail-viewer") && own.html.contains("閲覧者") && !own.html.contains("mlit-officer"), "an operator's administrator sees its own users")
            #expect(!own.html.contains("分野別の会員組織"))
            #expect(hubAdmin.status == .ok && hubAdmin.html.contains("mlit-officer") && hubAdmin.html.contains("rail-viewer"))
            #expect(hubAdmin.html.contains("Member organisations by sector") && hubAdmin.html.contains("<caption>Railways</caption>"))
            #expect(hubAdmin.html.contains("<td>Sakura Railway</td><td>Operator</td><td>Regular</td>"))
        }
    }

    @Test(arguments: TestEngine.allCases) func hubAdministratorsSeeTheOutboxPageOthersDoNot(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
            let operatorAdmin = try await PageBrowser.signIn(world, as: "rail-admin")
            let hubAdmin = try await PageBrowser.signIn(world, as: "center-admin")

            let refused = try await operatorAdmin.get("/admin/outbox")
            let page = try await hubAdmin.get("/admin/outbox?unsent=true")
            let english = try await hubAdmin.get("/admin/outbox?lang=en")

            #expect(refused.status == .notFound)
            #expect(!(try await operatorAdmin.get("/").html.contains(#"href="/admin/outbox""#)))
            #expect(page.status == .ok && page.html.contains(#"href="/admin/outbox">メール送信箱</a>"#))
            #expect(page.html.contains("送信待ち") && page.html.contains("国土交通省") && page.html.contains(" checked"), "\(page.html)")
            #expect(!page.html.contains(id.lowercased()), "bodies, which carry report details, are not shown")
            #expect(english.html.contains("<h1>E-mail outbox</h1>") && english.html.contains("Pending"))
            let reads = try await world.hub.audit.recent(limit: 10, actionPrefix: "web.outbox.read")
            #expect(reads.count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func aTokenIsShownOnceWorksAndCanBeRevoked(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-analyst")

            let created = try await page.post("/tokens", [("name", "SIEM <feed>"), ("scopes", "read"), ("scopes", "write"), ("expires_days", "30")])

            #expect(created.status == .created)
            let secret = try #require(created.html.firstRange(of: #/value="(kh_[A-Za-z0-9_-]+)"/#).map { String(created.html[$0]).dropFirst(7).dropLast() }.map(String.init))
            #expect(created.html.contains("このトークンは今回しか表示されません") && created.html.contains("SIEM &lt;feed&gt;"))
            try await world.client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"]) { #expect($0.status == .ok) }
            let listed = try await page.get("/tokens")
            #expect(!listed.html.contains(secret), "the secret is never shown again")
            let token = try #require(try await Self.tokens(world, of: "rail-analyst").first)
            #expect(token.scopes == [.read, .write])

            let revoked = try await page.post("/tokens/\(token.id.uuidString.lowercased())/revoke", [])

            #expect(revoked.status == .seeOther)
            #expect(try await page.get(try #require(revoked.location)).html.contains("失効済み"))
            try await world.client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"]) { #expect($0.status == .unauthorized) }
        }
    }

    @Test(arguments: TestEngine.allCases) func tokenFormErrorsSitBesideTheirFields(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let viewer = try await PageBrowser.signIn(world, as: "rail-viewer")
            let form = try await viewer.get("/tokens")
            #expect(!form.html.contains(#"value="write""#), "a viewer is not offered the write scope")

            let beyondRole = try await viewer.post("/tokens", [("name", "x"), ("scopes", "write"), ("expires_days", "30")])
            let noName = try await viewer.post("/tokens?lang=en", [("name", " "), ("scopes", "read"), ("expires_days", "30")])
            let forged = try await viewer.post("/tokens", [("name", "x"), ("scopes", "read"), ("expires_days", "30")], csrf: false)

            #expect(beyondRole.status == .unprocessableContent && beyondRole.html.contains(#"<p id="scopes-error" class="error">あなたの役割では選べない権限の範囲が含まれています。</p>"#))
            #expect(noName.status == .unprocessableContent && noName.html.contains(#"<p id="name-error" class="error">Give the token a name.</p>"#))
            #expect(forged.status == .forbidden)
            #expect(try await Self.tokens(world, of: "rail-viewer").isEmpty)
        }
    }
}
