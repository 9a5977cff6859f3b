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
    /// The opinions panel's service (the object page shows it when given).
    var opinions: OpinionService? = nil

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
            renderer.page("collections", language: page.language, title: page.text["collections"] ?? "", model: try await listModel(page: page))
        }
    }

    /// The collections page's model: what the viewer's organisation may read.
    func listModel(page: PageSession) async throws -> CollectionsPage.Model {
        let organisation = page.principal.organisation.id
        let visible = try await hub.collections.list().filter { $0.canRead(organisation) }
        return CollectionsPage.Model(frame: page.frame, collections: visible.map { collection in
            .init(id: collection.id.uuidString.lowercased(), title: collection.title, description: collection.description ?? "",
                  defaultTLP: collection.defaultTLP.displayName, defaultTLPClass: collection.defaultTLP.cssClass, canWrite: collection.canWrite(organisation))
        })
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let collection = try await readable(context, page: page)
            return try await collectionPage(request, page: page, collection: collection, outcome: .init(), status: .ok)
        }
    }

    /// Renders a collection: search results, and for writers the forms (`outcome` carries a form's errors and input).
    func collectionPage(_ request: Request, page: PageSession, collection: SharingCollection, outcome: CollectionPage.Outcome, status: HTTPResponse.Status) async throws -> Response {
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let type = request.uri.queryParameters["type"].map(String.init) ?? ""
        let model = try await model(page: page, collection: collection, query: query, type: type, outcome: outcome)
        return renderer.page("collection", language: page.language, title: collection.title, model: model, status: status)
    }

    /// A collection page's model: the search for `query` among objects of `type` ("" for any; the read is
    /// audited), and the forms with what a post brought back in `outcome`.
    func model(page: PageSession, collection: SharingCollection, query: String, type: String, outcome: CollectionPage.Outcome) async throws -> CollectionPage.Model {
        try PageParameters.checkType(type)
        let found = try await hub.objects.search(query, types: type.isEmpty ? [] : [type], in: collection.id, viewer: STIXViewer(organisation: page.principal.organisation), limit: 200)
        try await hub.audit.append(AuditRecord(actorUser: page.principal.user.username, actorOrganisation: page.principal.organisation.id.uuidString.lowercased(),
                                               action: "web.objects.read", objectType: "collection", objectID: collection.id.uuidString.lowercased(),
                                               clientAddress: nil, details: ["count": String(found.count), "query": String(query.prefix(200))]))
        let draft = outcome.draft
        return CollectionPage.Model(
            frame: page.frame,
            collection: .init(id: collection.id.uuidString.lowercased(), title: collection.title),
            query: query,
            count: found.count,
            types: ["indicator", "report", "malware", "relationship", "observed-data", "sighting", "vulnerability", "language-content"]
                .map { .init(name: $0, selected: $0 == type) },
            objects: found.map { ObjectSummary(stored: $0, collectionID: collection.id) },
            canWrite: collection.canWrite(page.principal.organisation.id),
            kinds: IncidentIndicatorType.allCases.map { .init(name: $0.rawValue, label: page.text["kind_\($0.rawValue)"] ?? $0.rawValue, selected: $0 == (draft?.kind ?? .ipv4)) },
            tlps: TLPLevel.allCases.map { .init(value: $0.rawValue, label: $0.displayName, selected: $0 == (draft?.tlp ?? collection.defaultTLP)) },
            draft: draft.map { .init(value: $0.value, nameJa: $0.nameJa, nameEn: $0.nameEn, descriptionJa: $0.descriptionJa, descriptionEn: $0.descriptionEn) },
            errors: outcome.errors,
            formError: outcome.formError)
    }

    @Sendable func object(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let collection = try await readable(context, page: page)
            var model = try await objectModel(page: page, collection: collection, objectID: try context.parameters.require("object"))
            if let opinions {
                model.opinions = try await ConsultationPagesController.panel(opinions, page: page, collection: model.detail.collectionID, object: model.detail.id, context: context)
            }
            return renderer.page("object", language: page.language, title: model.detail.name, model: model)
        }
    }

    /// An object page's model, if the viewer may see the object (the read is audited).
    func objectModel(page: PageSession, collection: SharingCollection, objectID: String) async throws -> ObjectPage.Model {
        let viewer = STIXViewer(organisation: page.principal.organisation)
        let found = try await hub.objects.page(STIXObjectQuery(ids: [objectID], limit: 1), in: collection.id, viewer: viewer, withJSON: true)
        guard let stored = found.objects.first, let json = stored.json else { throw PageNotFound() }
        try await hub.audit.append(AuditRecord(actorUser: page.principal.user.username, actorOrganisation: page.principal.organisation.id.uuidString.lowercased(),
                                               action: "web.object.read", objectType: "stix-object", objectID: objectID,
                                               details: ["collection": collection.id.uuidString.lowercased()]))
        let details = try await ObjectDetail.load(stored, json: json, collection: collection, viewer: viewer, language: page.language, hub: hub)
        return ObjectPage.Model(frame: page.frame, detail: details, collectionTitle: collection.title)
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
