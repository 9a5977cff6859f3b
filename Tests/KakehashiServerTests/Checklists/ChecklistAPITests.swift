import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct ChecklistAPITests {
    @Test(arguments: TestEngine.allCases) func operatorsAnswerForThemselvesAndOverseersSeeTheirSectors(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            let call = { (method: HTTPRequest.Method, uri: String, user: String, json: Any?) in
                try await CampaignAPITests.call(world, client, method, uri, as: user, json: json)
            }
            let list = try await call(.get, "/api/v1/checklists", "rail-viewer", nil)
            #expect(try list.decode([ChecklistSummaryResponse].self).map(\.id) == ["transport-baseline"])

            let answers: [String: Any] = ["responses": ["access-1": ["answer": "yes"], "access-2": ["answer": "partial", "note": "管理者のみ"], "res-1": ["answer": "no"]]]
            let saved = try await call(.put, "/api/v1/checklists/transport-baseline/assessment", "rail-analyst", answers)
            #expect(saved.status == .ok)
            let score = try #require(try saved.decode(AssessmentResponse.self).score)
            #expect(score.overall == 0.5 && score.unanswered == 14)
            #expect(try await call(.put, "/api/v1/checklists/transport-baseline/assessment", "rail-viewer", answers).status == .forbidden)
            #expect(try await call(.put, "/api/v1/checklists/transport-baseline/assessment", "rail-regulator", answers).status == .forbidden)
            let stray = try await call(.put, "/api/v1/checklists/transport-baseline/assessment", "port-analyst", ["responses": ["nope": ["answer": "yes"]]])
            #expect(stray.status == .badRequest)
            let badAnswer = try await call(.put, "/api/v1/checklists/transport-baseline/assessment", "port-analyst", ["responses": ["res-1": ["answer": "maybe"]]])
            #expect(badAnswer.status == .badRequest)
            #expect(try await call(.get, "/api/v1/checklists/nope/assessment", "rail-viewer", nil).status == .notFound)

            let own = try await call(.get, "/api/v1/checklists/transport-baseline/assessment", "rail-viewer", nil)
            #expect(try own.decode(AssessmentResponse.self).assessment?.submittedBy == "rail-analyst")
            let portOwn = try await call(.get, "/api/v1/checklists/transport-baseline/assessment", "port-analyst", nil)
            #expect(try portOwn.decode(AssessmentResponse.self).assessment == nil, "another operator's answers are not shown")
            #expect(try await call(.get, "/api/v1/checklists/transport-baseline/overview", "port-analyst", nil).status == .forbidden)

            let railRegulator = try await call(.get, "/api/v1/checklists/transport-baseline/overview", "rail-regulator", nil)
            let rows = try railRegulator.decode(ChecklistOverviewResponse.self).organisations
            #expect(rows.map(\.nameEn) == ["Sakura Railway"], "a regulator sees the operators of its sectors")
            #expect(rows.first?.score?.overall == 0.5)
            let center = try await call(.get, "/api/v1/checklists/transport-baseline/overview", "center-admin", nil)
            #expect(try center.decode(ChecklistOverviewResponse.self).organisations.count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func theChecklistPageSavesAnswersAndShowsScores(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let analyst = try await PageBrowser.signIn(world, as: "rail-analyst")
            let blank = try await analyst.get("/checklists/transport-baseline")
            #expect(blank.status == .ok && blank.html.contains("VPN 装置等の外部接続機器") && blank.html.contains(#"<label for="answer-access-1">"#))

            let tooLong = try await analyst.post("/checklists/transport-baseline", [("answer_access-1", "yes"), ("note_access-1", String(repeating: "長", count: 1001))])
            #expect(tooLong.status == .unprocessableContent && tooLong.html.contains("補足は1,000文字以内にしてください"))
            let unknown = try await analyst.post("/checklists/transport-baseline", [("answer_access-1", "yes"), ("answer_res-1", "maybe")])
            #expect(unknown.status == .unprocessableContent && unknown.html.contains("回答は選択肢から選んでください"), "an answer the form does not offer is refused, not dropped")
            let saved = try await analyst.post("/checklists/transport-baseline", [("answer_access-1", "yes"), ("answer_access-2", "no"), ("note_access-2", "計画中")])
            #expect(saved.status == .seeOther)
            let after = try await analyst.get(try #require(saved.location))
            #expect(after.html.contains("回答を保存しました") && after.html.contains("<strong>50 %</strong>") && after.html.contains(#"value="計画中""#))
            #expect(after.html.contains(#"<option value="yes" selected>実施している</option>"#))
            #expect(try await analyst.get("/checklists").html.contains("50 %"))

            let mlit = try await PageBrowser.signIn(world, as: "mlit-officer")
            let overview = try await mlit.get("/checklists/transport-baseline?lang=en")
            #expect(overview.html.contains("Operators you oversee") && overview.html.contains("<td>Sakura Railway</td><td>50 %</td>"), "\(overview.html)")
            #expect(!overview.html.contains("Save answers"), "a regulator does not answer for operators")
            #expect(try await mlit.post("/checklists/transport-baseline", [("answer_access-1", "yes")]).status == .notFound)
        }
    }
}
