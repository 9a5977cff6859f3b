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
            let principal = page.principal
            var values = page.frame
            values["organisationName"] = page.name(of: principal.organisation)
            values["organisationKind"] = principal.organisation.kind.rawValue
            values["role"] = principal.user.role.rawValue
            for (key, value) in try await Dashboard.load(for: page, hub: hub).values { values[key] = value }
            for (key, value) in try await IncidentActivity.load(for: page, reporting: reporting, context: context).values { values[key] = value }
            for (key, value) in try await AdvisoryActivity.load(for: page, hub: hub, context: context).values { values[key] = value }
            for (key, value) in try await CampaignActivity.load(for: page, hub: hub).values { values[key] = value }
            return renderer.page("home", language: page.language, title: page.text["dashboard"] ?? "", values: values)
        }
    }
}
