import Foundation
import Hummingbird
import KakehashiCore

/// `/taxii2/hub/status/{id}/`: the outcome of a posted envelope, for the organisation that posted it.
struct StatusController {
    let hub: Hub

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(":status", use: show)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.read)
        guard let text = context.parameters.get("status"), let id = UUID(uuidString: text),
              let body = try await hub.statuses.find(id: id, organisationID: principal.organisation.id) else {
            throw TAXIIError(.notFound, "Status not found", details: "no status with that id belongs to your organisation")
        }
        return Response(status: .ok, headers: [.contentType: TAXIIMediaType.taxii], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
