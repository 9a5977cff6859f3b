import Foundation
import Hummingbird
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Logging
import NIOEmbedded
import Testing

/// A signed-in member as a page handler sees them (page session and request context), to build page models
/// through the same functions the controllers call, without a request or HTML.
struct PageViewer {
    let page: PageSession
    let context: HubRequestContext

    static func signIn(_ hub: Hub, as username: String, language: String = "ja") async throws -> PageViewer {
        let user = try #require(try await hub.users.credentials(username: username)?.user)
        let organisation = try #require(try await hub.organisations.find(id: user.organisationID))
        let principal = Principal(user: user, organisation: organisation)
        let session = try await hub.sessions.create(userID: user.id, lifetime: 3600).session
        var context = HubRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: TestHub.logger))
        context.identity = principal
        context.session = session
        return PageViewer(page: PageSession(principal: principal, session: session, language: language), context: context)
    }
}

@Suite struct PageModelTests {
    @Test(arguments: TestEngine.allCases) func theFrameNamesTheViewerAndCarriesTheSessionsToken(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { test, _ in
            let viewer = try await PageViewer.signIn(test.hub, as: "center-admin", language: "en")
            let frame = viewer.page.frame
            #expect(frame.csrf == viewer.page.session.csrfToken)
            #expect(frame.principal.displayName == "統括室" && frame.principal.organisationName == "National Cybersecurity Office")
            #expect(frame.principal.admin && frame.principal.hubAdmin && frame.principal.inbox)
            let operatorFrame = try await PageViewer.signIn(test.hub, as: "rail-viewer").page.frame
            #expect(operatorFrame.principal.organisationName == "さくら旅客鉄道")
            #expect(!operatorFrame.principal.admin && !operatorFrame.principal.hubAdmin && !operatorFrame.principal.inbox && !operatorFrame.principal.overseer)
        }
    }

    @Test(arguments: TestEngine.allCases) func theDashboardModelHoldsEachPart(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await ReportSteps.fill(try await PageBrowser.signIn(world, as: "rail-reporter"))
            let viewer = try await PageViewer.signIn(world.hub, as: "rail-reporter")
            let controller = DashboardPageController(hub: world.hub, reporting: try Reporting(hub: world.hub), renderer: try await PageRenderer.load())

            let model = try await controller.model(page: viewer.page, context: viewer.context)

            #expect(model.frame == viewer.page.frame)
            #expect(model.organisationName == "さくら旅客鉄道" && model.organisationKind == "operator" && model.role == "reporter")
            #expect(model.incidentActivity.incidentCount == 1)
            #expect(model.incidentActivity.dueCount == model.incidentActivity.dueItems.count && model.incidentActivity.dueCount > 0)
            #expect(model.incidentActivity.dueItems.allSatisfy { $0.incidentID == id && !$0.deadline.regime.isEmpty })
            #expect(model.incidentActivity.categoryChart.hasPrefix("<svg") && model.incidentActivity.categoryChart.contains("ランサムウェア"))
            #expect(!model.campaignActivity.hasCampaigns && model.campaignActivity.campaigns.isEmpty)
            #expect(!model.advisoryActivity.hasRegistry && model.advisoryActivity.openFindings == 0 && model.advisoryActivity.sectorSupport == nil,
                    "an operator without a registry; the sector summary is a regulator's")
            #expect(model.indicators.latest.isEmpty && model.indicators.newThisWeek == 0)
        }
    }

    @Test(arguments: TestEngine.allCases) func aCollectionPageModelHoldsTheSearchAndTheForms(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, _ in
            let hub = taxii.base.hub
            let viewer = try await PageViewer.signIn(hub, as: "rail-analyst")
            let controller = CollectionPagesController(hub: hub, renderer: try await PageRenderer.load())
            let draft = IndicatorDraft(kind: .domain, value: "bad.example", nameEn: "", nameJa: "名前", descriptionEn: "", descriptionJa: "", tlp: .red)

            let all = try await controller.model(page: viewer.page, collection: taxii.collection, query: "", type: "", outcome: .init())
            let none = try await controller.model(page: viewer.page, collection: taxii.collection, query: "no-such-indicator-anywhere", type: "indicator",
                                                  outcome: .init(draft: draft, errors: ["value": "正しくありません"]))

            #expect(all.collection.id == taxii.collection.id.uuidString.lowercased() && all.collection.title == taxii.collection.title)
            #expect(all.count == all.objects.count && all.objects.allSatisfy { $0.collectionID == all.collection.id })
            #expect(all.canWrite && all.draft == nil && all.errors == nil && all.formError == nil)
            #expect(all.kinds.filter(\.selected).map(\.name) == ["ipv4"], "a new indicator is an IPv4 address unless said otherwise")
            #expect(all.tlps.filter(\.selected).map(\.value) == [taxii.collection.defaultTLP.rawValue])
            #expect(none.count == 0 && none.objects.isEmpty && none.query == "no-such-indicator-anywhere")
            #expect(none.types.filter(\.selected).map(\.name) == ["indicator"])
            #expect(none.draft?.value == "bad.example" && none.draft?.nameJa == "名前" && none.errors == ["value": "正しくありません"])
            #expect(none.kinds.filter(\.selected).map(\.name) == ["domain"] && none.tlps.filter(\.selected).map(\.value) == ["red"], "the draft's choices stay chosen")
        }
    }

    @Test(arguments: TestEngine.allCases) func theReviewModelHoldsTheReportItsDeadlinesAndTheKinds(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await ReportSteps.fill(try await PageBrowser.signIn(world, as: "rail-reporter"))
            let viewer = try await PageViewer.signIn(world.hub, as: "rail-reporter", language: "en")
            let controller = IncidentPagesController(reporting: try Reporting(hub: world.hub), renderer: try await PageRenderer.load())
            let overview = try await IncidentOverview.load(try #require(UUID(uuidString: id)), page: viewer.page, service: controller.service,
                                                           context: viewer.context, action: "test.review")
            let report = try #require(overview.report)

            let model = controller.reviewModel(page: viewer.page, overview: overview, report: report, refusal: nil, problem: nil)
            let refused = controller.reviewModel(page: viewer.page, overview: overview, report: report, refusal: nil, problem: "Choose a kind")

            #expect(model.incidentID == id && model.frame == viewer.page.frame)
            #expect(model.steps.count == ReportStep.allCases.count && model.steps.filter(\.current).map(\.number) == [ReportStep.review.rawValue])
            #expect(model.steps.allSatisfy { $0.href.value?.hasPrefix("/incidents/\(id)/steps/") == true })
            #expect(model.kinds.map(\.value) == ["initial"] && model.kinds.map(\.checked) == [true] && !model.closed)
            #expect(model.summary.contains { $0.lines.contains("Seat reservation / Down / 12000") || $0.lines.contains { $0.hasPrefix("Seat reservation") } })
            #expect(!model.deadlines.isEmpty && model.deadlines.allSatisfy { !$0.countdown.isEmpty })
            #expect(model.problem.value == nil && model.refusal.value == nil)
            #expect(refused.problem.value == "Choose a kind")
        }
    }

    @Test(arguments: TestEngine.allCases) func theStatusBoardModelsListCampaignsAndTheOperatorsState(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { test, _ in
            let coordinator = try await PageViewer.signIn(test.hub, as: "center-admin")
            let controller = StatusBoardPageController(service: CampaignService(hub: test.hub), renderer: try await PageRenderer.load())
            let campaign = try await controller.service.open(.init(titleJa: "鉄道への攻撃", titleEn: "Attack on railways", summary: "", sectors: ["railways"]),
                                                             by: coordinator.page.principal, context: coordinator.context)
            let railway = try await PageViewer.signIn(test.hub, as: "rail-analyst")

            let list = try await controller.listModel(coordinator.page, context: coordinator.context, form: FormFields("title_ja=x"), errors: ["title_en": "campaign_error_titleEn"])
            let board = try await controller.boardModel(campaign, page: railway.page, context: railway.context, form: FormFields(""), error: nil, notice: "報告しました")

            #expect(list.coordinator && !list.empty && list.campaigns.map(\.title) == ["鉄道への攻撃"] && list.campaigns.allSatisfy(\.open))
            #expect(list.fields.map(\.name) == ["title_ja", "title_en", "summary", "sectors"])
            #expect(list.fields[0].value == "x" && list.fields[1].error.value == Messages.ja["campaign_error_titleEn"], "input kept, error in words")
            #expect(list.fields[3].isGroup && list.fields[3].options.map(\.id) == Sector.allCases.indices.map { "sectors-\($0)" })
            #expect(board.id == campaign.id.uuidString.lowercased() && board.open && board.mayReport && !board.mayClose)
            #expect(board.hasNotice && board.notice == "報告しました" && !board.hasSummary)
            let sector = try #require(board.sectors.first)
            #expect(sector.rows.contains { $0.own && $0.name == "さくら旅客鉄道" && $0.state == "unreported" })
            #expect(sector.counts.last?.state == "unreported" && sector.counts.map(\.count).reduce(0, +) == sector.rows.count)
            #expect(board.fields.map(\.name) == ["state", "note"] && board.fields[0].isSelect && board.fields[0].options.count == OperationalState.allCases.count)
        }
    }

    @Test(arguments: TestEngine.allCases) func theIncidentListModelGivesEachIncidentItsNextDeadline(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await ReportSteps.fill(try await PageBrowser.signIn(world, as: "rail-reporter"))
            let controller = IncidentPagesController(reporting: try Reporting(hub: world.hub), renderer: try await PageRenderer.load())
            let reporter = try await PageViewer.signIn(world.hub, as: "rail-reporter")
            let viewer = try await PageViewer.signIn(world.hub, as: "rail-viewer")

            let model = try await controller.listModel(page: reporter.page, context: reporter.context)
            let viewers = try await controller.listModel(page: viewer.page, context: viewer.context)

            #expect(model.canReport && !viewers.canReport)
            let row = try #require(model.incidents.first { $0.id == id })
            #expect(row.category == "ランサムウェア" && row.version.value == nil, "a draft has no submitted version")
            let next = try #require(row.next.value)
            #expect(!next.regime.isEmpty && !next.countdown.isEmpty && ["due", "overdue"].contains(next.state))
        }
    }

    @Test(arguments: TestEngine.allCases) func theMembersModelShowsSectorsToHubAdministratorsOnly(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { test, _ in
            let controller = MemberPagesController(hub: test.hub, renderer: try await PageRenderer.load())
            let center = try await PageViewer.signIn(test.hub, as: "center-admin", language: "en")
            let railway = try await PageViewer.signIn(test.hub, as: "rail-admin")

            let hubView = try await controller.model(page: center.page, context: center.context)
            let ownView = try await controller.model(page: railway.page, context: railway.context)

            #expect(hubView.hubAdmin && !ownView.hubAdmin && ownView.sectors == nil)
            let railways = try #require(hubView.sectors?.first { $0.sector == Sector.railways.nameEn })
            #expect(railways.organisations.map(\.name) == ["Sakura Railway"])
            #expect(hubView.sectors?.last?.organisations.map(\.name).contains("National Cybersecurity Office") == true, "organisations without a sector come last")
            #expect(Set(ownView.users.map(\.username)) == Set(Role.allCases.map { "rail-\($0.rawValue)" }), "an operator's administrator sees its own users")
            #expect(hubView.users.contains { $0.username == "rail-viewer" && $0.organisation == "Sakura Railway" })
        }
    }
}
