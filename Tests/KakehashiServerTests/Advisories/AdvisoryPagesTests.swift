import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct AdvisoryPagesTests {
    @Test(arguments: TestEngine.allCases) func theRegistryPageFlagsSupportEndAndKeepsABadCSVWithItsError(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            let admin = try await world.base.signIn(client, as: "rail-admin")
            let (status, page) = try await CollectionPagesTests.html(client, "/equipment", admin)
            #expect(status == .ok)
            #expect(page.contains("<title>重要設備"))
            #expect(page.contains("運行管理サーバ") && page.contains("flag-ended"))
            #expect(page.contains("特定重要設備"))

            let csv = "id,vendor,product,domain\nX-1,Acme,<b>Widget</b>,SCADA\n"
            let (headers, body) = CollectionPagesTests.form(admin, ["csv": csv])
            try await client.execute(uri: "/equipment?lang=en", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("nothing was changed") && html.contains("line 2, column domain"))
                #expect(html.contains("&lt;b&gt;Widget&lt;/b&gt;"), "the input comes back, escaped")
            }
            #expect(try await world.base.hub.advisories.equipment.list(organisation: world.base.railway.id).count == 3)
        }
    }

    @Test(arguments: TestEngine.allCases) func theAdvisoriesPageRanksKnownExploitedFirstAndTakesANotApplicableDecision(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            try await world.importDemoAdvisories(client)
            let analyst = try await world.base.signIn(client, as: "rail-analyst")
            let (status, page) = try await CollectionPagesTests.html(client, "/advisories?lang=en", analyst)
            #expect(status == .ok)
            let kev = try #require(page.range(of: "badge-kev"))
            #expect(page.range(of: "CVE-2026-41234")!.lowerBound > kev.lowerBound)
            #expect(page.contains("Line 2 PLC") && page.contains("CVSS"))

            let (emptyHeaders, emptyBody) = CollectionPagesTests.form(analyst, ["item": "PLC-OLD", "vulnerability": "CVE-2026-41234", "reason": ""])
            try await client.execute(uri: "/advisories/not-applicable?lang=en", method: .post, headers: emptyHeaders, body: emptyBody) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("Give the reason"))
            }
            let (headers, body) = CollectionPagesTests.form(analyst, ["item": "PLC-OLD", "vulnerability": "CVE-2026-41234", "reason": "予備機で未接続"])
            try await client.execute(uri: "/advisories/not-applicable", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .seeOther)
            }
            let (_, after) = try await CollectionPagesTests.html(client, "/advisories", analyst)
            #expect(after.contains("予備機で未接続") && after.contains("該当しないとした脆弱性"), "\(after)")
        }
    }

    @Test(arguments: TestEngine.allCases) func anotherOrganisationsRegistryIsAMissingPageAndARegulatorSeesItsSectors(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            let railway = world.base.railway.id.uuidString.lowercased()
            let port = try await world.base.signIn(client, as: "port-analyst")
            let (status, page) = try await CollectionPagesTests.html(client, "/equipment?organisation=\(railway)", port)
            #expect(status == .notFound)
            #expect(!page.contains("運行管理サーバ"))
            let regulator = try await world.base.signIn(client, as: "rail-regulator")
            let (own, overview) = try await CollectionPagesTests.html(client, "/equipment", regulator)
            #expect(own == .ok)
            #expect(overview.contains("さくら旅客鉄道") && overview.contains("分野別のサポート終了状況"), "\(overview)")
            let (seen, registry) = try await CollectionPagesTests.html(client, "/equipment?organisation=\(railway)", regulator)
            #expect(seen == .ok && registry.contains("運行管理サーバ"))
            #expect(!registry.contains(#"action="/equipment""#), "a regulator gets no import form")
        }
    }
}

@Suite struct AdvisoryDashboardTests {
    @Test(arguments: TestEngine.allCases) func theDashboardShowsKnownExploitedFindingsAndSupportEndFlags(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            try await world.importDemoAdvisories(client)
            let viewer = try await world.base.signIn(client, as: "rail-viewer")
            let (status, page) = try await CollectionPagesTests.html(client, "/?lang=en", viewer)
            #expect(status == .ok)
            #expect(page.contains("Vulnerabilities affecting your equipment"))
            #expect(page.contains("badge-kev") && page.contains("CVE-2026-41234"))
            #expect(page.contains("運行管理サーバ") && page.contains("flag-ended"), "the item past support end is flagged")
            let regulator = try await world.base.signIn(client, as: "rail-regulator")
            let (_, overview) = try await CollectionPagesTests.html(client, "/?lang=en", regulator)
            #expect(overview.contains("Support end by sector") && overview.contains("railways"))
        }
    }
}
