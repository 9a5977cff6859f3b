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
        return try TAXIIResponse.json(TAXIIResources.Collections(collections: visible.isEmpty ? nil : visible.map { Self.resource($0, for: principal) }))
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .see)
        return try TAXIIResponse.json(Self.resource(collection, for: principal))
    }

    static func resource(_ collection: SharingCollection, for principal: Principal) -> TAXIIResources.Collection {
        TAXIIResources.Collection(
            id: collection.id.uuidString.lowercased(),
            title: collection.title,
            description: collection.description,
            alias: collection.alias,
            canRead: collection.canRead(principal.organisation.id),
            canWrite: collection.canWrite(principal.organisation.id),
            mediaTypes: [TAXIIMediaType.stix]
        )
    }
}
