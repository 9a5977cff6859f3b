import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct ConsultationPagesTests {
    static func browser(_ taxii: TAXIIFixture, _ client: some TestClientProtocol, as user: String) async throws -> PageBrowser {
        PageBrowser(client: client, browser: try await taxii.base.signIn(client, as: user))
    }

    @Test(arguments: TestEngine.allCases) func askFromTheObjectPageAnswerMakeAReportAndSeeTheOpinion(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let indicator = try await ConsultationAPITests.world(taxii, client)
            let objectPage = "/collections/\(taxii.collection.id.uuidString.lowercased())/objects/\(indicator)"
            let airport = try await Self.browser(taxii, client, as: "airport-reporter")
            let center = try await Self.browser(taxii, client, as: "center-admin")
            let railway = try await Self.browser(taxii, client, as: "rail-analyst")

            let object = try await airport.get(objectPage)
            #expect(object.status == .ok && object.html.contains("誤検知") && object.html.contains(#"id="ask-about""#))
            let ask = try #require(object.html.range(of: #"/consultations/new\?collection=[^"]+"#, options: .regularExpression).map { String(object.html[$0]) })
            let form = try await airport.get(ask.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(form.status == .ok && form.html.contains("国家サイバー統括室") && form.html.contains(indicator))
            #expect(!form.html.contains("TLP:GREEN"), "the form offers no level below the object's")

            let fields = [("collection", taxii.collection.id.uuidString.lowercased()), ("object", indicator), ("incident", ""),
                          ("addressee", taxii.base.center.id.uuidString.lowercased()), ("tlp", "amber")]
            let empty = try await airport.post("/consultations", fields + [("title", ""), ("body", "x")])
            #expect(empty.status == .unprocessableContent && empty.html.contains("件名を入力してください"))
            let sent = try await airport.post("/consultations", fields + [("title", "この IP は C2 か"), ("body", "境界で観測しました")])
            #expect(sent.status == .seeOther)
            let thread = try #require(sent.location)

            #expect(try await railway.get(thread).status == .notFound, "the producer is no party to a thread with the center")
            let list = try await center.get("/consultations")
            #expect(list.html.contains("この IP は C2 か") && list.html.contains("回答待ち"))
            #expect(try await center.post(thread + "/replies", [("body", "既知の C2 です")]).status == .seeOther)
            let answered = try await airport.get(thread)
            #expect(answered.html.contains("既知の C2 です") && answered.html.contains(#"id="answered""#) && !answered.html.contains(#"id="overdue""#))
            #expect(!(try await center.get(thread)).html.contains(#"id="make-incident""#), "only the asker makes it a report")

            let made = try await airport.post(thread + "/incident", [])
            #expect(made.status == .seeOther && made.location?.hasPrefix("/incidents/") == true)
            let report = try await airport.get(try #require(made.location))
            #expect(report.status == .ok && report.html.contains(#"id="consultations""#) && report.html.contains(thread), "the report links back to its thread")
            #expect(try await airport.get(thread).html.contains(#"id="incident-link""#))

            #expect(try await airport.post(objectPage + "/opinions", [("note", "社内の監視サーバでした"), ("verdict", "false-positive")]).status == .seeOther)
            let produced = try await railway.get(objectPage)
            #expect(produced.html.contains(#"data-verdict="false-positive">1<"#) && produced.html.contains("社内の監視サーバでした"), "the producer sees the count and the note")
            let other = try await center.get(objectPage)
            #expect(other.html.contains(#"data-verdict="false-positive">1<"#) && !other.html.contains("社内の監視サーバでした"), "others see the count only")
        }
    }
}
