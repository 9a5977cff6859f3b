import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `DELETE /api/v1/collections/:collection/objects/:object`: a hub administrator removes every version of an
/// object posted by mistake, whichever organisation posted it and whether or not the administrator's own
/// organisation may write the collection. Audited. When the object was made here, a signed deletion notice
/// goes to the Kakehashi peers and a TAXII DELETE is owed to the foreign ones (FederationRepository).
struct CollectionObjectController {
    let hub: Hub

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.delete(":collection/objects/:object", use: delete)
        return routes
    }

    struct Deleted: Codable, ResponseEncodable {
        let objectID: String
        let versionsDeleted: Int

        enum CodingKeys: String, CodingKey {
            case objectID = "object_id", versionsDeleted = "versions_deleted"
        }
    }

    @Sendable func delete(_ request: Request, context: HubRequestContext) async throws -> Deleted {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only an administrator of the national center or an ISAC may delete another organisation's object")
        }
        let text = context.parameters.get("collection") ?? ""
        guard let id = UUID(uuidString: text), let collection = try await hub.collections.find(id: id) else {
            throw APIError(.notFound, code: "not-found", "no collection '\(text)'", field: "collection")
        }
        let objectID = try context.parameters.require("object")
        let record = AuditRecord.by(context, action: "collection.object.delete", objectType: "stix-object", objectID: objectID,
                                    details: ["collection": collection.id.uuidString.lowercased()])
        let deleted = try await hub.federation.delete(objectID: objectID, versions: .every, in: collection, by: STIXViewer(organisation: principal.organisation),
                                                      administrator: true, identity: try await hub.identity.identity(), audit: record)
        guard deleted > 0 else {
            throw APIError(.notFound, code: "not-found", "\(objectID) is not in collection \(collection.id.uuidString.lowercased())", field: "object")
        }
        return Deleted(objectID: objectID, versionsDeleted: deleted)
    }
}
