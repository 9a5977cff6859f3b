import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/taxii2/hub/collections/{id}/objects/…` and `…/manifest/`: read, add and delete STIX objects.
struct ObjectsController {
    let hub: Hub
    let validator: STIXValidator

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(":collection/objects", use: objects)
        routes.post(":collection/objects", use: add)
        routes.get(":collection/manifest", use: manifest)
        routes.get(":collection/objects/:object", use: object)
        routes.delete(":collection/objects/:object", use: delete)
        routes.get(":collection/objects/:object/versions", use: versions)
        return routes
    }

    static let listFilters: Set<String> = ["added_after", "limit", "match[id]", "match[type]", "match[version]", "match[spec_version]"]
    static let objectFilters: Set<String> = ["added_after", "limit", "match[version]", "match[spec_version]"]
    static let versionFilters: Set<String> = ["added_after", "limit", "match[spec_version]"]

    @Sendable func objects(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .read)
        let parser = TAXIIQueryParser(request.uri)
        let query = try parser.query(defaultVersions: .latest, allowed: Self.listFilters)
        return try await envelope(query, parser: parser, endpoint: "objects", collection: collection, principal: principal, context: context, action: "taxii.objects.read")
    }

    @Sendable func object(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .read)
        let objectID = try context.parameters.require("object")
        let parser = TAXIIQueryParser(request.uri)
        var query = try parser.query(defaultVersions: .latest, allowed: Self.objectFilters)
        query.ids = [objectID]
        return try await envelope(query, parser: parser, endpoint: "object:\(objectID)", collection: collection, principal: principal, context: context, action: "taxii.object.read", notFoundIfEmpty: objectID)
    }

    /// Answers one page of objects as an envelope, audited.
    private func envelope(_ query: STIXObjectQuery, parser: TAXIIQueryParser, endpoint: String, collection: SharingCollection, principal: Principal, context: HubRequestContext, action: String, notFoundIfEmpty: String? = nil) async throws -> Response {
        let (effective, binding) = try resume(query, parser: parser, endpoint: endpoint, collection: collection)
        let page = try await hub.objects.textPage(effective, in: collection.id, viewer: STIXViewer(organisation: principal.organisation))
        if let objectID = notFoundIfEmpty, page.count == 0, parser.next == nil {
            throw TAXIIError(.notFound, "Object not found", details: "no version of \(objectID) in this collection matches, or your organisation may not see it")
        }
        try await audit(context, action: action, collection: collection, count: page.count, first: page.firstAdded, last: page.lastAdded)
        guard page.count > 0 else { return TAXIIResponse.page(body: "{}", first: nil, last: nil) }
        // The stored JSON texts arrive joined; they are copied once, into the response's buffer.
        var body = ByteBuffer()
        body.reserveCapacity(page.joinedJSON.utf8.count + 256)
        body.writeString("{\"more\":\(page.more)")
        if page.more, let last = page.lastAdded {
            body.writeString(",\"next\":" + TAXIIResponse.quoted(TAXIICursor(after: last, binding: binding).token))
        }
        body.writeStaticString(",\"objects\":[")
        body.writeString(page.joinedJSON)
        body.writeStaticString("]}")
        return TAXIIResponse.page(body: body, first: page.firstAdded, last: page.lastAdded)
    }

    @Sendable func manifest(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .read)
        let parser = TAXIIQueryParser(request.uri)
        let query = try parser.query(defaultVersions: .latest, allowed: Self.listFilters)
        let (page, binding) = try await fetch(query, parser: parser, endpoint: "manifest", collection: collection, principal: principal, withJSON: false)
        try await audit(context, action: "taxii.manifest.read", collection: collection, page: page)
        guard !page.objects.isEmpty else { return TAXIIResponse.page(body: "{}", first: nil, last: nil) }
        let body = TAXIIResources.Manifest(
            more: page.more,
            next: Self.next(page, binding: binding),
            objects: page.objects.map { record in
                TAXIIResources.ManifestRecord(id: record.objectID, dateAdded: MicrosTimestamp.format(record.dateAdded), version: record.taxiiVersion, mediaType: TAXIIMediaType.stix)
            }
        )
        var response = try TAXIIResponse.json(body)
        response.headers[TAXIIResponse.dateAddedFirst] = page.objects.first.map { MicrosTimestamp.format($0.dateAdded) }
        response.headers[TAXIIResponse.dateAddedLast] = page.objects.last.map { MicrosTimestamp.format($0.dateAdded) }
        return response
    }

    @Sendable func versions(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .read)
        let objectID = try context.parameters.require("object")
        let parser = TAXIIQueryParser(request.uri)
        var query = try parser.query(defaultVersions: .every, allowed: Self.versionFilters)
        query.ids = [objectID]
        let (page, binding) = try await fetch(query, parser: parser, endpoint: "versions:\(objectID)", collection: collection, principal: principal, withJSON: false)
        if page.objects.isEmpty && parser.next == nil && query.addedAfter == nil {
            throw TAXIIError(.notFound, "Object not found", details: "\(objectID) is not in this collection, or your organisation may not see it")
        }
        try await audit(context, action: "taxii.versions.read", collection: collection, page: page)
        let body = TAXIIResources.Versions(more: page.more, next: Self.next(page, binding: binding), versions: page.objects.map(\.taxiiVersion))
        var response = try TAXIIResponse.json(body)
        response.headers[TAXIIResponse.dateAddedFirst] = page.objects.first.map { MicrosTimestamp.format($0.dateAdded) }
        response.headers[TAXIIResponse.dateAddedLast] = page.objects.last.map { MicrosTimestamp.format($0.dateAdded) }
        return response
    }

    /// The `next` cursor of a row page that has more after it.
    private static func next(_ page: STIXObjectPage, binding: String) -> String? {
        guard page.more, let last = page.objects.last else { return nil }
        return TAXIICursor(after: last.dateAdded, binding: binding).token
    }

    /// The query with `next` applied (which must belong to the same filters), and the filters' binding for the next cursor.
    private func resume(_ query: STIXObjectQuery, parser: TAXIIQueryParser, endpoint: String, collection: SharingCollection) throws -> (STIXObjectQuery, String) {
        let binding = TAXIICursor.binding(endpoint: endpoint, collection: collection.id, query: query)
        var effective = query
        if let token = parser.next {
            guard let cursor = TAXIICursor(token: token), cursor.binding == binding else {
                throw TAXIIError(.badRequest, "Invalid next", details: "this next value does not belong to this query; repeat the request with the filters that produced it")
            }
            effective.addedAfter = max(effective.addedAfter ?? .min, cursor.after)
        }
        return (effective, binding)
    }

    /// Runs a query, continuing from `next` when given.
    private func fetch(_ query: STIXObjectQuery, parser: TAXIIQueryParser, endpoint: String, collection: SharingCollection, principal: Principal, withJSON: Bool) async throws -> (STIXObjectPage, String) {
        let (effective, binding) = try resume(query, parser: parser, endpoint: endpoint, collection: collection)
        let page = try await hub.objects.page(effective, in: collection.id, viewer: STIXViewer(organisation: principal.organisation), withJSON: withJSON)
        return (page, binding)
    }

    private func audit(_ context: HubRequestContext, action: String, collection: SharingCollection, page: STIXObjectPage) async throws {
        try await audit(context, action: action, collection: collection, count: page.objects.count, first: page.objects.first?.dateAdded, last: page.objects.last?.dateAdded)
    }

    private func audit(_ context: HubRequestContext, action: String, collection: SharingCollection, count: Int, first: Int64?, last: Int64?) async throws {
        var details = ["count": String(count)]
        if let first, let last {
            details["date_added_first"] = MicrosTimestamp.format(first)
            details["date_added_last"] = MicrosTimestamp.format(last)
        }
        try await hub.audit.append(.by(context, action: action, objectType: "collection", objectID: collection.id.uuidString.lowercased(), details: details))
    }

    @Sendable func delete(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (principal, collection) = try await TAXIIAccess(hub: hub).resolve(context, need: .write)
        let objectID = try context.parameters.require("object")
        let parser = TAXIIQueryParser(request.uri)
        let query = try parser.query(defaultVersions: .every, allowed: ["match[version]", "match[spec_version]"])
        let record = AuditRecord.by(context, action: "taxii.object.delete", objectType: "stix-object", objectID: objectID, details: ["collection": collection.id.uuidString.lowercased()])
        // A hub administrator may remove what another organisation posted by mistake; deleting the last
        // version of an object made here leaves a signed notice that peers follow (FederationRepository).
        let administrator = principal.allows(.admin) && principal.isHubAdministrator
        let deleted: Int
        do {
            deleted = try await hub.federation.delete(objectID: objectID, versions: query.versions, in: collection, by: STIXViewer(organisation: principal.organisation),
                                                      administrator: administrator, identity: try await hub.identity.identity(), audit: record)
        } catch let error as StorageError where error.code == .conflict {
            throw TAXIIError(.forbidden, "Forbidden", details: error.message)
        }
        guard deleted > 0 else {
            throw TAXIIError(.notFound, "Object not found", details: "no matching version of \(objectID) is in this collection")
        }
        return Response(status: .ok, headers: [.contentType: TAXIIMediaType.taxii])
    }
}
