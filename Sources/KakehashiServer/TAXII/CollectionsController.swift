import Foundation
import Hummingbird
import KakehashiCore

/// `/taxii2/hub/collections/` and `/taxii2/hub/collections/{id}/`: the collections the caller's organisation may use.
struct CollectionsController {
    let hub: Hub

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.get(":collection", use: show)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.read)
        let visible = try await hub.collections.list().filter { $0.canRead(principal.organisation.id) || $0.canWrite(principal.organisation.id) }
        guard !visible.isEmpty else { return try TAXIIResponse.json([String: Any]()) }
        return try TAXIIResponse.json(["collections": visible.map { Self.resource($0, for: principal) }])
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .see)
        return try TAXIIResponse.json(Self.resource(collection, for: principal))
    }

    static func resource(_ collection: SharingCollection, for principal: Principal) -> [String: Any] {
        var resource: [String: Any] = [
            "id": collection.id.uuidString.lowercased(),
            "title": collection.title,
            "can_read": collection.canRead(principal.organisation.id),
            "can_write": collection.canWrite(principal.organisation.id),
            "media_types": [TAXIIMediaType.stix],
        ]
        if let description = collection.description { resource["description"] = description }
        if let alias = collection.alias { resource["alias"] = alias }
        return resource
    }
}
