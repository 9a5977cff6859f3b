import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The indicator pages: collections, search, object detail with relationships, sharing an
/// indicator through a form and uploading a bundle. What TLP forbids never reaches the page:
/// every list and lookup goes through the store's visibility filter for the viewer's organisation.
struct CollectionPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("collections", use: list)
        routes.get("collections/:collection", use: show)
        routes.get("collections/:collection/objects/:object", use: object)
        routes.post("collections/:collection/indicators", use: addIndicator)
        routes.post("collections/:collection/bundles", use: uploadBundle)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
        let organisation = page.principal.organisation.id
        let visible = try await hub.collections.list().filter { $0.canRead(organisation) }
        var values = page.frame
        values["collections"] = visible.map { collection -> [String: Any] in
            ["id": collection.id.uuidString.lowercased(), "title": collection.title, "description": collection.description ?? "",
             "defaultTLP": collection.defaultTLP.displayName, "defaultTLPClass": collection.defaultTLP.cssClass, "canWrite": collection.canWrite(organisation)]
        }
        return renderer.page("collections", language: page.language, title: page.text["collections"] ?? "", values: values)
        }
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let collection = try await readable(context, page: page)
            return try await collectionPage(request, page: page, collection: collection, extra: [:], status: .ok)
        }
    }

    /// Renders a collection: search results, and for writers the forms (`extra` carries a form's errors and input).
    func collectionPage(_ request: Request, page: PageSession, collection: SharingCollection, extra: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let type = request.uri.queryParameters["type"].map(String.init) ?? ""
        try PageParameters.checkType(type)
        let found = try await hub.objects.search(query, types: type.isEmpty ? [] : [type], in: collection.id, viewer: STIXViewer(organisation: page.principal.organisation), limit: 200)
        try await hub.audit.append(AuditRecord(actorUser: page.principal.user.username, actorOrganisation: page.principal.organisation.id.uuidString.lowercased(),
                                               action: "web.objects.read", objectType: "collection", objectID: collection.id.uuidString.lowercased(),
                                               clientAddress: nil, details: ["count": String(found.count), "query": String(query.prefix(200))]))
        var values = page.frame
        values["collection"] = ["id": collection.id.uuidString.lowercased(), "title": collection.title]
        values["query"] = query
        values["count"] = found.count
        values["types"] = ["indicator", "report", "malware", "relationship", "observed-data", "sighting", "vulnerability", "language-content"]
            .map { ["name": $0, "selected": $0 == type] }
        values["objects"] = found.map { ObjectSummary(stored: $0, collectionID: collection.id).values }
        values["canWrite"] = collection.canWrite(page.principal.organisation.id)
        let draft = extra["draft"] as? IndicatorDraft
        values["kinds"] = IncidentIndicatorType.allCases.map { ["name": $0.rawValue, "label": page.text["kind_\($0.rawValue)"] ?? $0.rawValue, "selected": $0 == (draft?.kind ?? .ipv4)] }
        values["tlps"] = TLPLevel.allCases.map { ["value": $0.rawValue, "label": $0.displayName, "selected": $0 == (draft?.tlp ?? collection.defaultTLP)] }
        if let draft {
            values["draft"] = ["value": draft.value, "nameJa": draft.nameJa, "nameEn": draft.nameEn, "descriptionJa": draft.descriptionJa, "descriptionEn": draft.descriptionEn]
        }
        for (key, value) in extra where key != "draft" { values[key] = value }
        return renderer.page("collection", language: page.language, title: collection.title, values: values, status: status)
    }

    @Sendable func object(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
        let collection = try await readable(context, page: page)
        let objectID = try context.parameters.require("object")
        let viewer = STIXViewer(organisation: page.principal.organisation)
        let found = try await hub.objects.page(STIXObjectQuery(ids: [objectID], limit: 1), in: collection.id, viewer: viewer, withJSON: true)
        guard let stored = found.objects.first, let json = stored.json else { throw PageNotFound() }
        try await hub.audit.append(AuditRecord(actorUser: page.principal.user.username, actorOrganisation: page.principal.organisation.id.uuidString.lowercased(),
                                               action: "web.object.read", objectType: "stix-object", objectID: objectID,
                                               details: ["collection": collection.id.uuidString.lowercased()]))
        let details = try await ObjectDetail.load(stored, json: json, collection: collection, viewer: viewer, language: page.language, hub: hub)
        var values = page.frame
        for (key, value) in details.values { values[key] = value }
        values["collectionTitle"] = collection.title
        return renderer.page("object", language: page.language, title: details.name, values: values)
        }
    }

    /// The collection named in the path, if the viewer's organisation may read it.
    func readable(_ context: HubRequestContext, page: PageSession) async throws -> SharingCollection {
        guard let text = context.parameters.get("collection"), let id = UUID(uuidString: text),
              let collection = try await hub.collections.find(id: id), collection.canRead(page.principal.organisation.id) else {
            throw PageNotFound()
        }
        return collection
    }
}

/// A page that does not exist for this viewer; answered with the error page, never a stack trace.
struct PageNotFound: Error {}

/// Checks of page parameters that end up in queries.
enum PageParameters {
    static func checkType(_ type: String) throws {
        guard type.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw PageNotFound() }
    }
}
