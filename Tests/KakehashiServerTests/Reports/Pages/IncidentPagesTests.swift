import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct IncidentPagesTests {
    static func draft(_ world: ReportingWorld, _ id: String) async throws -> IncidentReport? {
        guard let draft = try await IncidentRepository(database: world.hub.database).draft(incidentID: try #require(UUID(uuidString: id))) else { return nil }
        return try ReportInput.decode(draft.json)
    }

    @Test(arguments: TestEngine.allCases) func pagesAreForSignedInMembersAndTheFormForReporters(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            try await world.client.execute(uri: "/incidents/new", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/signin?next=/incidents/new")
            }
            let viewer = try await PageBrowser.signIn(world, as: "rail-viewer")
            let list = try await viewer.get("/incidents")
            #expect(list.status == .ok && list.html.contains("<h1>インシデント</h1>") && !list.html.contains("/incidents/new\""))
            #expect(try await viewer.get("/incidents/new").status == .notFound)
            #expect(try await viewer.post("/incidents/new", ReportSteps.reporter()).status == .notFound)
            let reporter = try await PageBrowser.signIn(world, as: "rail-reporter")
            let form = try await reporter.get("/incidents/new")
            #expect(form.status == .ok)
            #expect(form.html.contains("<title>報告者と連絡先 · インシデント報告 · 架け橋 Kakehashi</title>"))
            #expect(form.html.contains(#"<label for="contact_name_0">"#) && form.html.contains(#"id="contact_name_0""#), "every input has its label")
            #expect(form.html.contains(#"href="/incidents">インシデント</a>"#), "the navigation links the incidents")
            #expect(!form.html.contains(#"href="/inbox""#) && !form.html.contains(#"href="/admin/members""#), "an operator's reporter sees neither inbox nor members")
        }
    }

    @Test(arguments: TestEngine.allCases) func theDraftIsSavedStepByStep(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")

            let created = try await page.post("/incidents/new", ReportSteps.reporter())
            let id = String(try #require(created.location).dropFirst("/incidents/".count).prefix(36))
            #expect(created.location == "/incidents/\(id)/steps/happened")
            let saved = try await page.post("/incidents/\(id)/steps/happened", ReportSteps.happened())

            #expect(saved.status == .seeOther && saved.location == "/incidents/\(id)/steps/impact")
            let draft = try #require(try await Self.draft(world, id))
            #expect(draft.contacts.map(\.name) == ["CSIRT"] && draft.contacts.first?.available24x7 == true)
            #expect(draft.reporter.designations == ["jp-critical-infrastructure-operator"])
            #expect(draft.category == .ransomware && draft.times.becameAware != nil && draft.attackTechniques.map(\.rawValue) == ["T1486"])
            let back = try await page.get("/incidents/\(id)/steps/reporter")
            #expect(back.html.contains(#"value="CSIRT""#) && back.html.contains(#"id="contact_24x7_0" name="contact_24x7_0" type="checkbox" checked"#))
            let times = try await page.get("/incidents/\(id)/steps/happened")
            #expect(times.html.contains(ReportFormFields.local(try #require(draft.times.becameAware), "Asia/Tokyo")), "times come back in the report's zone")
        }
    }

    @Test(arguments: TestEngine.allCases) func errorsComeBackBesideTheirFieldsInBothLanguagesWithTheInputKept(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")
            let id = try await ReportSteps.fill(page)
            var bad = ReportSteps.happened(techniques: "T99")
            bad.removeAll { $0.0 == "detected" }
            bad.append(("detected", "yesterday"))

            let japanese = try await page.post("/incidents/\(id)/steps/happened", bad)
            let english = try await page.post("/incidents/\(id)/steps/happened?lang=en", bad)

            #expect(japanese.status == .unprocessableContent)
            #expect(japanese.html.contains(#"<p id="attack_techniques-error" class="error">ATT&amp;CK の手法 ID は T1234 または T1234.001 の形式です。</p>"#))
            #expect(japanese.html.contains(#"<p id="detected-error" class="error">日時として読み取れません。</p>"#))
            #expect(japanese.html.contains(##"<li><a href="#attack_techniques">ATT&amp;CK 攻撃手法: ATT&amp;CK の手法 ID"##), "the summary links each error to its field")
            #expect(japanese.html.contains(#"value="T99""#) && japanese.html.contains(#"value="yesterday""#), "the input is kept")
            #expect(english.status == .unprocessableContent)
            #expect(english.html.contains(#"<p id="attack_techniques-error" class="error">ATT&amp;CK technique ids look like T1234 or T1234.001.</p>"#))
            #expect(english.html.contains(#"aria-describedby="detected-error""#))
            let draft = try #require(try await Self.draft(world, id))
            #expect(draft.attackTechniques.map(\.rawValue) == ["T1486"], "a step with errors does not touch the draft")
            let indicator = try await page.post("/incidents/\(id)/steps/details", [("indicator_type_0", "ipv4"), ("indicator_value_0", "999.1.1.1")])
            #expect(indicator.status == .unprocessableContent && indicator.html.contains(#"<p id="indicator_value_0-error" class="error">この種類の値として正しくありません。</p>"#))
        }
    }

    @Test(arguments: TestEngine.allCases) func aRefusedSubmissionNamesEveryMissingFieldAndKeepsTheDraft(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")
            let id = try await ReportSteps.fill(page, reporter: ReportSteps.reporter(contact24x7: false), impact: [])

            let refused = try await page.post("/incidents/\(id)/submit", [("kind", "initial")])
            let english = try await page.post("/incidents/\(id)/submit?lang=en", [("kind", "initial")])

            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("第一報を提出できません"))
            #expect(refused.html.contains(#"data-field="contacts.24x7"><strong>24時間365日対応の連絡先</strong>"#))
            #expect(refused.html.contains(#"data-field="serviceImpact"><strong>サービスへの影響</strong>"#))
            #expect(refused.html.contains(#"href="/incidents/\#(id)/steps/reporter""#) && refused.html.contains(#"href="/incidents/\#(id)/steps/impact""#))
            #expect(english.html.contains("The initial report cannot be submitted") && english.html.contains("<strong>24×7 contact</strong>") && english.html.contains("<strong>Service impact</strong>"))
            let draft = try #require(try await Self.draft(world, id), "the draft is not lost")
            #expect(draft.narrative.ja == "座席予約システムが暗号化された。")
            #expect(try await IncidentRepository(database: world.hub.database).deliveries(incidentID: try #require(UUID(uuidString: id))).isEmpty)
            #expect(try await world.auditActions().contains("incident.submit.refused"))
        }
    }

    @Test(arguments: TestEngine.allCases) func aSubmissionReachesEveryAuthorityAndTheDeadlinesShow(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")
            let id = try await ReportSteps.fill(page)
            let review = try await page.get("/incidents/\(id)/steps/review")
            #expect(review.html.contains("<td>重要インフラのサイバーセキュリティに係る行動計画</td><td>速報"))
            #expect(review.html.contains("残り "), "before submission the clock already runs")

            let submitted = try await page.post("/incidents/\(id)/submit", [("kind", "initial")])

            #expect(submitted.status == .seeOther && submitted.location == "/incidents/\(id)?submitted=initial")
            let deliveries = try await IncidentRepository(database: world.hub.database).deliveries(incidentID: try #require(UUID(uuidString: id)))
            #expect(Set(deliveries.map(\.recipientOrganisation)) == [world.ministry.id, world.test.center.id])
            let shown = try await page.get(try #require(submitted.location))
            #expect(shown.html.contains("提出しました: 第一報"))
            #expect(shown.html.contains("国土交通省") && shown.html.contains("送達済み"))
            #expect(deliveries.allSatisfy { shown.html.contains($0.id.uuidString.lowercased()) }, "every receipt id is shown")
            #expect(shown.html.contains("提出済み（期限内）"))
            #expect(shown.html.contains("（UTC+09:00、Asia/Tokyo）"), "times in the user's zone")
            let english = try await page.get("/incidents/\(id)?lang=en")
            #expect(english.html.contains("delivered on time") && english.html.contains("Delivered"))
            let list = try await page.get("/incidents")
            #expect(list.html.contains("座席予約システムが暗号化された。") && list.html.contains("報告済み (v1)"))
        }
    }

    @Test(arguments: TestEngine.allCases) func listShowsTheNextDeadlineAndHighlightsWhatIsOverdue(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")
            _ = try await ReportSteps.fill(page, happened: ReportSteps.happened(hoursAgo: 2, narrativeJa: "まだ間に合う事案"))
            _ = try await ReportSteps.fill(page, happened: ReportSteps.happened(hoursAgo: 30, narrativeJa: "期限を過ぎた事案"))

            let list = try await page.get("/incidents")
            let english = try await page.get("/incidents?lang=en")
            let home = try await page.get("/")

            #expect(list.html.contains("残り 21時間") || list.html.contains("残り 22時間"))
            #expect(list.html.contains(#"<tr class="overdue"><td><a href="/incidents/"#) && list.html.contains("6時間0"))
            #expect(english.html.contains("due in 2") && english.html.contains("overdue by 6 h"))
            #expect(home.html.contains("期限超過: <strong>1</strong>") && home.html.contains("期限を過ぎた事案"))
            #expect(home.html.contains(#"<title id="incidents-category-title">"#) && home.html.contains("ランサムウェア 2"), "the chart counts both incidents")
            #expect(home.html.contains(#"<title id="incidents-sector-title">"#) && home.html.contains("鉄道 2"))
        }
    }

    @Test(arguments: TestEngine.allCases) func otherOrganisationsCannotSeeOrEditTheDraft(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let reporter = try await PageBrowser.signIn(world, as: "rail-reporter")
            let id = try await ReportSteps.fill(reporter)
            let outsider = try await PageBrowser.signIn(world, as: "center-admin")

            let read = try await outsider.get("/incidents/\(id)")
            let step = try await outsider.get("/incidents/\(id)/steps/happened")
            let write = try await outsider.post("/incidents/\(id)/steps/happened", ReportSteps.happened(narrativeJa: "改ざん"))
            let submit = try await outsider.post("/incidents/\(id)/submit", [("kind", "initial")])

            #expect([read.status, step.status, write.status, submit.status] == [.notFound, .notFound, .notFound, .notFound])
            #expect(read.html.contains("ページが見つかりません") && !read.html.contains("座席予約"))
            #expect(try await Self.draft(world, id)?.narrative.ja == "座席予約システムが暗号化された。")
            #expect(try await outsider.get("/incidents/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func formsWithoutTheCSRFTokenAreRefused(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")
            let id = try await ReportSteps.fill(page)

            let create = try await page.post("/incidents/new", ReportSteps.reporter(), csrf: false)
            let step = try await page.post("/incidents/\(id)/steps/happened", ReportSteps.happened(narrativeJa: "偽造"), csrf: false)
            let submit = try await page.post("/incidents/\(id)/submit", [("kind", "initial")], csrf: false)

            #expect([create.status, step.status, submit.status] == [.forbidden, .forbidden, .forbidden])
            #expect(try await IncidentRepository(database: world.hub.database).list(reporter: world.test.railway.id).count == 1)
            #expect(try await Self.draft(world, id)?.narrative.ja == "座席予約システムが暗号化された。")
        }
    }

    @Test(arguments: TestEngine.allCases) func whatReportersTypeIsEscaped(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let page = try await PageBrowser.signIn(world, as: "rail-reporter")
            let id = try await ReportSteps.fill(page, happened: ReportSteps.happened(narrativeJa: #"<script>alert("x")</script>"#))

            let review = try await page.get("/incidents/\(id)/steps/review")
            let form = try await page.get("/incidents/\(id)/steps/happened")
            let list = try await page.get("/incidents")

            for html in [review.html, form.html, list.html] {
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            }
        }
    }
}
