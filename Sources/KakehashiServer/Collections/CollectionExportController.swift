import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `GET /api/v1/collections/:collection/export?audience=community|peer-hub|public`: the collection as
/// one STIX 2.1 bundle, with TLP enforced for where it is going. A community member gets what it may
/// read; a peer hub only CLEAR and GREEN; a public feed only CLEAR. AMBER and RED never leave.
/// Unmarked objects leave with the collection's default label added. Audited with what was withheld.
struct CollectionExportController {
    let hub: Hub

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(":collection/export", use: export)
        return routes
    }

    @Sendable func export(_ request: Request, context: HubRequestContext) async throws -> Response {
        let reader = try await CollectionReader.resolve(context, hub: hub)
        let text = request.uri.queryParameters["audience"].map(String.init) ?? TLPPolicy.Audience.community.rawValue
        guard let audience = TLPPolicy.Audience(rawValue: text) else {
            throw APIError(.badRequest, code: "invalid-field", "audience must be community, peer-hub or public", field: "audience")
        }
        let types = try CollectionReader.types(request)
        if audience != .community {
            // Feeding another hub or the public is an administrator's act, not every reader's.
            guard reader.principal.allows(.admin) else {
                throw APIError(.forbidden, code: "insufficient-role", "only an administrator may export to a peer hub or a public feed")
            }
        }
        var objects: [String] = []
        var withheld: [TLPLevel: Int] = [:]
        var after: Int64?
        while true {
            let page = try await reader.page(after: after, types: types, limit: 1000)
            for stored in page.objects {
                guard audience.permits(stored.tlp) else {
                    withheld[stored.tlp, default: 0] += 1
                    continue
                }
                guard let json = stored.json, let object = try? JSONValue.parse(json) else { continue }
                objects.append(TLPPolicy.labelled(object, level: stored.tlp).serialized())
            }
            guard page.more, let last = page.objects.last else { break }
            after = last.dateAdded
        }
        var details = ["audience": audience.rawValue, "exported": String(objects.count)]
        for (level, count) in withheld { details["withheld." + level.rawValue] = String(count) }
        try await hub.audit.append(.by(context, action: "collection.export", objectType: "collection", objectID: reader.collection.id.uuidString.lowercased(), details: details))
        let bundle = "{\"type\":\"bundle\",\"id\":\"bundle--\(UUID().uuidString.lowercased())\",\"objects\":[" + objects.joined(separator: ",") + "]}"
        var headers: HTTPFields = [.contentType: "application/stix+json;version=2.1",
                                   .contentDisposition: "attachment; filename=\"collection-\(reader.collection.id.uuidString.lowercased())-\(audience.rawValue).json\""]
        headers[.init("X-Kakehashi-Withheld")!] = String(withheld.values.reduce(0, +))
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: bundle)))
    }
}
