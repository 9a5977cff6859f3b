import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The dashboard at `/`: new indicators, deadlines, incident charts, advisories and the status board.
struct DashboardPageController {
    let hub: Hub
    let reporting: Reporting
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("/", use: home)
        return routes
    }

    @Sendable func home(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            renderer.page("home", language: page.language, title: page.text["dashboard"] ?? "", model: try await model(page: page, context: context))
        }
    }

    /// The dashboard's model for `page`'s viewer.
    func model(page: PageSession, context: HubRequestContext) async throws -> DashboardPage.Model {
        let principal = page.principal
        return DashboardPage.Model(
            frame: page.frame,
            organisationName: page.name(of: principal.organisation),
            organisationKind: principal.organisation.kind.rawValue,
            role: principal.user.role.rawValue,
            indicators: try await Dashboard.load(for: page, hub: hub),
            incidentActivity: try await IncidentActivity.load(for: page, reporting: reporting, context: context),
            advisoryActivity: try await AdvisoryActivity.load(for: page, hub: hub, context: context),
            campaignActivity: try await CampaignActivity.load(for: page, hub: hub))
    }
}
