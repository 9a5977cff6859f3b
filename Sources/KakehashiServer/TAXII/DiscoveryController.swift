import Foundation
import Hummingbird
import KakehashiCore

/// `/taxii2/` (discovery) and the API root `/taxii2/hub/`.
struct DiscoveryController {
    let hub: Hub
    static let apiRootPath = "/taxii2/hub/"

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: discovery)
        routes.get("hub", use: apiRoot)
        return routes
    }

    @Sendable func discovery(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.require(.read)
        let root = baseURL(request) + Self.apiRootPath
        return try TAXIIResponse.json(TAXIIResources.Discovery(
            title: hub.configuration.title,
            description: "TAXII 2.1 for Japan's critical-infrastructure operators, regulators and the national cyber office",
            default: root,
            apiRoots: [root]
        ))
    }

    @Sendable func apiRoot(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.require(.read)
        return try TAXIIResponse.json(TAXIIResources.APIRoot(
            title: hub.configuration.title,
            description: "Shared threat information by community (sector and national collections)",
            versions: [TAXIIMediaType.taxii],
            maxContentLength: HubLimits.maxBodyBytes
        ))
    }

    private func baseURL(_ request: Request) -> String {
        let scheme = hub.configuration.servesTLS ? "https" : "http"
        let host = request.head.authority ?? "\(hub.configuration.host):\(hub.configuration.port)"
        return "\(scheme)://\(host)"
    }
}
