import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The collection a REST request names, if the principal's organisation may read it (else 404, so a
/// collection's existence is not revealed), and the pages of what TLP lets the reader see.
struct CollectionReader {
    let hub: Hub
    let principal: Principal
    let collection: SharingCollection

    static func resolve(_ context: HubRequestContext, hub: Hub) async throws -> CollectionReader {
        let principal = try context.require(.read)
        let text = context.parameters.get("collection") ?? ""
        guard let id = UUID(uuidString: text), let collection = try await hub.collections.find(id: id), collection.canRead(principal.organisation.id) else {
            throw APIError(.notFound, code: "not-found", "no collection '\(text)' is available to your organisation")
        }
        return CollectionReader(hub: hub, principal: principal, collection: collection)
    }

    var viewer: STIXViewer { STIXViewer(organisation: principal.organisation) }

    /// The newest version of each object added after `after` (microseconds), that the reader may see.
    func page(after: Int64?, types: [String] = [], limit: Int) async throws -> STIXObjectPage {
        try await hub.objects.page(STIXObjectQuery(addedAfter: after, types: types, versions: .latest, limit: limit), in: collection.id, viewer: viewer, withJSON: true)
    }

    /// `types=indicator,report`: STIX type names, checked.
    static func types(_ request: Request) throws -> [String] {
        guard let text = request.uri.queryParameters["types"], !text.isEmpty else { return [] }
        let types = text.split(separator: ",").map(String.init)
        for type in types where type.isEmpty || type.count > 250 || !type.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            throw APIError(.badRequest, code: "invalid-field", "'\(type)' is not a STIX type name (lower-case letters, digits and hyphens)", field: "types")
        }
        return types
    }
}
