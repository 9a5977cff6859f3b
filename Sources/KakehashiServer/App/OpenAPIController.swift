import Foundation
import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 description of the REST API, bundled as `Resources/openapi.json`.
struct OpenAPIController {
    /// The document's bytes, read once when the router is built.
    let document: Data

    /// Reads the bundled document.
    /// - Throws: ``APIError`` when the resource is missing from the build.
    static func load() throws -> OpenAPIController {
        guard let path = ServerResources.file("openapi.json"), let data = FileManager.default.contents(atPath: path) else {
            throw APIError(.internalServerError, code: "openapi-missing", "the bundled Resources/openapi.json is missing from this build")
        }
        return OpenAPIController(document: data)
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        let document = self.document
        routes.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
        return routes
    }
}
