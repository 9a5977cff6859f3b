import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct CampaignAPITests {
    static func call(_ world: AdvisoryWorld, _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as user: String, json: Any? = nil) async throws -> APIResponse {
        let browser = try await world.base.signIn(client, as: user)
        let body = try json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await client.execute(uri: uri, method: method, headers: browser.headersWithCSRF, body: body) { response in
            APIResponse(response)
        }
    }

    static func operators(_ board: APIResponse, sector: String) throws -> [StatusBoardResponse.Operator] {
        try board.decode(StatusBoardResponse.self).operators(in: sector)
    }

    @Test(arguments: TestEngine.allCases) func theCenterOpensOperatorsReportAndEachSeesItsSectors(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            let refused = try await Self.call(world, client, .post, "/api/v1/campaigns", as: "rail-admin", json: ["titleJa": "x", "titleEn": "x", "sectors": ["railways"]])
            #expect(refused.status == .forbidden, "operators do not open campaigns")
            let bad = try await Self.call(world, client, .post, "/api/v1/campaigns", as: "center-admin", json: ["titleJa": "DDoS", "titleEn": "DDoS", "sectors": ["trains"]])
            #expect(bad.status == .badRequest)
            let opened = try await Self.call(world, client, .post, "/api/v1/campaigns", as: "center-admin",
                                             json: ["titleJa": "交通分野への DDoS", "titleEn": "DDoS on transport", "sectors": ["railways", "ports"]])
            #expect(opened.status == .created)
            let id = try opened.decode(Created.self).id

            let filed = try await Self.call(world, client, .put, "/api/v1/campaigns/\(id)/status", as: "rail-reporter", json: ["state": "degraded", "note": "予約サイト遅延"])
            let viewer = try await Self.call(world, client, .put, "/api/v1/campaigns/\(id)/status", as: "rail-viewer", json: ["state": "normal"])
            let regulator = try await Self.call(world, client, .put, "/api/v1/campaigns/\(id)/status", as: "rail-regulator", json: ["state": "normal"])
            let wrongState = try await Self.call(world, client, .put, "/api/v1/campaigns/\(id)/status", as: "port-analyst", json: ["state": "on-fire"])
            _ = try await Self.call(world, client, .put, "/api/v1/campaigns/\(id)/status", as: "port-analyst", json: ["state": "disrupted"])

            #expect(filed.status == .ok)
            #expect(viewer.status == .forbidden && regulator.status == .forbidden)
            #expect(wrongState.status == .badRequest)
            let center = try await Self.call(world, client, .get, "/api/v1/campaigns/\(id)", as: "center-admin")
            #expect(try Self.operators(center, sector: "railways").first?.state == "degraded")
            #expect(try Self.operators(center, sector: "railways").first?.note == "予約サイト遅延")
            #expect(try Self.operators(center, sector: "ports").first?.state == "disrupted")
            let railPeer = try await Self.call(world, client, .get, "/api/v1/campaigns/\(id)", as: "rail-viewer")
            #expect(try !Self.operators(railPeer, sector: "railways").isEmpty && Self.operators(railPeer, sector: "ports").isEmpty,
                    "an operator sees its own sector's board only")
            let railRegulator = try await Self.call(world, client, .get, "/api/v1/campaigns/\(id)", as: "rail-regulator")
            #expect(try Self.operators(railRegulator, sector: "ports").isEmpty && !Self.operators(railRegulator, sector: "railways").isEmpty)

            let railOnly = try await Self.call(world, client, .post, "/api/v1/campaigns", as: "center-admin", json: ["titleJa": "鉄道", "titleEn": "Rail", "sectors": ["railways"]])
            let railID = try railOnly.decode(Created.self).id
            #expect(try await Self.call(world, client, .get, "/api/v1/campaigns/\(railID)", as: "port-analyst").status == .notFound)
            #expect(try await Self.call(world, client, .put, "/api/v1/campaigns/\(railID)/status", as: "port-analyst", json: ["state": "normal"]).status == .notFound)
            let portList = try await Self.call(world, client, .get, "/api/v1/campaigns", as: "port-analyst").decode([Created].self)
            #expect(portList.map { $0.id.lowercased() } == [id.lowercased()])

            #expect(try await Self.call(world, client, .post, "/api/v1/campaigns/\(id)/close", as: "rail-admin").status == .forbidden)
            #expect(try await Self.call(world, client, .post, "/api/v1/campaigns/\(id)/close", as: "center-admin").status == .ok)
            #expect(try await Self.call(world, client, .put, "/api/v1/campaigns/\(id)/status", as: "rail-reporter", json: ["state": "normal"]).status == .conflict)
            let audited = try await world.base.hub.audit.recent(limit: 50, actionPrefix: "campaign.")
            #expect(audited.contains { $0.action == "campaign.board.read" } && audited.filter { $0.action == "campaign.status.report" }.count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func theBoardPagesOpenReportAndShowTheStates(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let center = try await PageBrowser.signIn(world, as: "center-admin")
            let reporter = try await PageBrowser.signIn(world, as: "rail-reporter")
            #expect(try await reporter.get("/board").html.contains("表示できるキャンペーンはありません"))
            #expect(try await reporter.post("/board", [("title_ja", "x"), ("title_en", "x"), ("sectors", "railways")]).status == .notFound)

            let missing = try await center.post("/board", [("title_ja", "鉄道 DDoS"), ("title_en", "Rail DDoS")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.html.contains("対象分野を一つ以上選んでください") && missing.html.contains("鉄道 DDoS"), "the error sits by its field and the input is kept")
            let opened = try await center.post("/board", [("title_ja", "鉄道 DDoS"), ("title_en", "Rail DDoS"), ("summary", "<script>x</script>"), ("sectors", "railways")])
            #expect(opened.status == .seeOther)
            let location = try #require(opened.location)

            let dashboard = try await reporter.get("/")
            #expect(dashboard.html.contains("進行中のキャンペーン") && dashboard.html.contains("自社の状況が未報告です"), "the dashboard asks for the report")
            let before = try await reporter.get(location)
            #expect(before.html.contains("鉄道 DDoS") && before.html.contains("未報告") && before.html.contains("自社の状況を報告"))
            #expect(before.html.contains("&lt;script&gt;x&lt;/script&gt;") && !before.html.contains("<script>x</script>"))
            let filed = try await reporter.post(location + "/status", [("state", "disrupted"), ("note", "座席予約が停止")])
            #expect(filed.status == .seeOther)
            #expect(!(try await reporter.get("/").html.contains("自社の状況が未報告です")))
            let after = try await center.get(location + "?lang=en")
            #expect(after.html.contains(#"<span class="op op-disrupted">Disrupted</span>"#) && after.html.contains("座席予約が停止"))
            #expect(after.html.contains("Close the campaign") && !after.html.contains("Report our status"), "the center coordinates; it does not report")
            let mlit = try await PageBrowser.signIn(world, as: "mlit-officer")
            #expect(try await mlit.get(location).html.contains(#"<span class="op op-disrupted">停止</span>"#), "the regulator sees the railway's state")
            #expect(try await center.post(location + "/close", []).status == .seeOther)
            #expect(!(try await reporter.get(location).html.contains("自社の状況を報告")), "a closed board takes no report")
        }
    }
}
