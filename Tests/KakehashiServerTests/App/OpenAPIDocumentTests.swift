import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import Testing

@Suite struct OpenAPIDocumentTests {
    @Test(arguments: TestEngine.allCases) func everyAPIRouteIsDescribed(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let router = try await buildRouter(hub: hub.hub)
            let document = try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return try decode(OpenAPIDocumentResponse.self, from: response)
            }
            #expect(document.openapi == "3.1.0")
            let paths = document.paths

            let routes = router.routes.filter { $0.path.description.hasPrefix("/api/v1") }
            #expect(routes.count > 20)
            for route in routes {
                // Hummingbird writes parameters as `:id`; OpenAPI as `{id}`.
                let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is missing from openapi.json")
            }
        }
    }
}
