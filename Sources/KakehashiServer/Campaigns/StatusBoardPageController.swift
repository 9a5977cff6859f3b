import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/board`: the sector status board. Campaigns the viewer may see; the national center and ISACs open
/// one (`POST /board`) and close it; `/board/:id` shows each visible sector's operators, worst state
/// first, and lets an operator in the campaign report its own state. Same rules as `/api/v1/campaigns`.
struct StatusBoardPageController {
    let service: CampaignService
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("board", use: list)
        routes.post("board", use: open)
        routes.get("board/:id", use: show)
        routes.post("board/:id/status", use: report)
        routes.post("board/:id/close", use: close)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try await listPage(page, context: context, form: FormFields(""), errors: [:])
        }
    }

    @Sendable func open(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard CampaignAccess.mayCoordinate(page.principal) else { throw PageNotFound() }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            let body = CampaignService.OpenRequest(titleJa: form["title_ja"] ?? "", titleEn: form["title_en"] ?? "", summary: form["summary"], sectors: form.all("sectors"))
            do {
                let campaign = try await service.open(body, by: page.principal, context: context)
                return .redirect(to: "/board/\(campaign.id.uuidString.lowercased())", type: .normal)
            } catch let error as MemberValidationError {
                let field = ["titleJa": "title_ja", "titleEn": "title_en"][error.field] ?? error.field
                return try await listPage(page, context: context, form: form, errors: [field: "campaign_error_\(error.field)"], status: .unprocessableContent)
            }
        }
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let campaign = try await visibleCampaign(context, page)
            let notice = request.uri.queryParameters["reported"] != nil ? page.text["status_reported"] : nil
            return try await boardPage(campaign, page: page, context: context, form: FormFields(""), error: nil, notice: notice)
        }
    }

    @Sendable func report(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let campaign = try await visibleCampaign(context, page)
            guard CampaignAccess.mayReport(in: campaign, page.principal) else { throw PageNotFound() }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            do {
                try await service.report(.init(state: form["state"] ?? "", note: form["note"]), in: campaign, by: page.principal, context: context)
                return .redirect(to: "/board/\(campaign.id.uuidString.lowercased())?reported=1", type: .normal)
            } catch let error as MemberValidationError {
                return try await boardPage(campaign, page: page, context: context, form: form, error: (error.field, "status_error_\(error.field)"), notice: nil,
                                           status: .unprocessableContent)
            }
        }
    }

    @Sendable func close(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let campaign = try await visibleCampaign(context, page)
            guard CampaignAccess.mayCoordinate(page.principal), campaign.isOpen else { throw PageNotFound() }
            _ = try await service.close(campaign, by: page.principal, context: context)
            return .redirect(to: "/board/\(campaign.id.uuidString.lowercased())", type: .normal)
        }
    }

    private func visibleCampaign(_ context: HubRequestContext, _ page: PageSession) async throws -> Campaign {
        guard let campaign = try await service.visibleCampaign(context.parameters.get("id", as: UUID.self), to: page.principal) else { throw PageNotFound() }
        return campaign
    }

    private func title(_ campaign: Campaign, _ page: PageSession) -> String { page.language == "ja" ? campaign.titleJa : campaign.titleEn }

    private func stateLabel(_ state: OperationalState?, _ page: PageSession) -> String {
        page.text["op_state_\(state?.rawValue ?? "unreported")"] ?? (state?.rawValue ?? "-")
    }

    private func listPage(_ page: PageSession, context: HubRequestContext, form: FormFields, errors: [String: String], status: HTTPResponse.Status = .ok) async throws -> Response {
        renderer.page("board", language: page.language, title: page.text["status_board"] ?? "", model: try await listModel(page, context: context, form: form, errors: errors), status: status)
    }

    /// The board's model: the campaigns the viewer may see (the read is audited), and the open form filled from
    /// `form` with `errors` (message keys by field).
    func listModel(_ page: PageSession, context: HubRequestContext, form: FormFields, errors: [String: String]) async throws -> StatusBoardPage.Model {
        let visible = try await service.visibleCampaigns(to: page.principal, context: context, action: "web.campaign.list")
        let errorTexts = errors.mapValues { page.text[$0] ?? $0 }
        let sectors = Sector.allCases.map { FormField.Option(value: $0.rawValue, label: page.language == "ja" ? $0.nameJa : $0.nameEn) }
        return StatusBoardPage.Model(
            frame: page.frame,
            campaigns: visible.map { campaign in
                .init(id: campaign.id.uuidString.lowercased(), title: title(campaign, page), opened: page.time(campaign.openedAt),
                      state: page.text[campaign.isOpen ? "campaign_open" : "campaign_closed"] ?? "", open: campaign.isOpen,
                      sectors: campaign.sectors.map { page.language == "ja" ? $0.nameJa : $0.nameEn }.joined(separator: "、"))
            },
            empty: visible.isEmpty,
            coordinator: CampaignAccess.mayCoordinate(page.principal),
            fields: [
                FormField(name: "title_ja", label: page.text["campaign_title_ja"] ?? "", kind: .text),
                FormField(name: "title_en", label: page.text["campaign_title_en"] ?? "", kind: .text),
                FormField(name: "summary", label: page.text["campaign_summary"] ?? "", kind: .textarea),
                FormField(name: "sectors", label: page.text["campaign_sectors"] ?? "", kind: .checkboxes(sectors)),
            ].map { $0.model(form, errors: errorTexts) })
    }

    private func boardPage(_ campaign: Campaign, page: PageSession, context: HubRequestContext, form: FormFields, error: (field: String, key: String)?, notice: String?,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = try await boardModel(campaign, page: page, context: context, form: form, error: error, notice: notice)
        return renderer.page("board-campaign", language: page.language, title: title(campaign, page), model: model, status: status)
    }

    /// A campaign board's model (the read is audited): each visible sector's counts and operators, worst first,
    /// and the report form filled from `form` with `error` (a field and its message key).
    func boardModel(_ campaign: Campaign, page: PageSession, context: HubRequestContext, form: FormFields, error: (field: String, key: String)?,
                    notice: String?) async throws -> CampaignBoardPage.Model {
        guard let board = try await service.readBoard(campaign, for: page.principal, context: context, action: "web.campaign.board.read") else { throw PageNotFound() }
        let states = OperationalState.allCases.map { FormField.Option(value: $0.rawValue, label: stateLabel($0, page)) }
        let errorTexts = error.map { [$0.field: page.text[$0.key] ?? $0.key] } ?? [:]
        return CampaignBoardPage.Model(
            frame: page.frame,
            title: title(campaign, page),
            summary: campaign.summary,
            hasSummary: !campaign.summary.isEmpty,
            open: campaign.isOpen,
            opened: page.time(campaign.openedAt),
            closed: campaign.closedAt.map(page.time) ?? "",
            id: campaign.id.uuidString.lowercased(),
            notice: notice ?? "",
            hasNotice: notice != nil,
            sectors: board.sectors.map { sector in
                .init(
                    name: page.language == "ja" ? sector.sector.nameJa : sector.sector.nameEn,
                    counts: OperationalState.allCases.reversed().map { .init(label: stateLabel($0, page), count: sector.counts[$0] ?? 0, state: $0.rawValue) }
                        + [.init(label: stateLabel(nil, page), count: sector.unreported, state: "unreported")],
                    rows: sector.rows.map { row in
                        .init(name: page.name(of: row.organisation), state: row.latest?.state.rawValue ?? "unreported", label: stateLabel(row.latest?.state, page),
                              note: row.latest?.note ?? "", when: row.latest.map { page.time($0.reportedAt) } ?? "—", own: row.organisation.id == page.principal.organisation.id)
                    })
            },
            mayReport: CampaignAccess.mayReport(in: campaign, page.principal),
            mayClose: CampaignAccess.mayCoordinate(page.principal) && campaign.isOpen,
            fields: [
                FormField(name: "state", label: page.text["status_state"] ?? "", kind: .select(states)),
                FormField(name: "note", label: page.text["status_note"] ?? "", kind: .textarea),
            ].map { $0.model(form, errors: errorTexts) })
    }
}
