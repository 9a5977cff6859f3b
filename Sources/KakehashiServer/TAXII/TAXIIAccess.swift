import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// Finds the collection a TAXII request names and checks what the principal may do with it.
struct TAXIIAccess {
    let hub: Hub

    /// What the request needs: to read objects, to add them, or only to see the collection exists.
    enum Need { case read, write, see }

    /// The collection, if the principal's organisation may do `need` with it.
    /// A collection the organisation may neither read nor write is reported as missing (404), so
    /// its existence is not revealed; one it may see but not use this way is forbidden (403).
    func collection(_ context: HubRequestContext, need: Need) throws -> (Principal, UUID) {
        let principal = try context.require(need == .write ? .write : .read)
        guard let text = context.parameters.get("collection"), let id = UUID(uuidString: text) else {
            throw TAXIIError(.notFound, "Collection not found", details: "'\(context.parameters.get("collection") ?? "")' is not a collection id")
        }
        return (principal, id)
    }

    func load(_ id: UUID, for principal: Principal, need: Need) async throws -> SharingCollection {
        guard let collection = try await hub.collections.find(id: id),
              collection.canRead(principal.organisation.id) || collection.canWrite(principal.organisation.id) else {
            throw TAXIIError(.notFound, "Collection not found", details: "no collection \(id.uuidString.lowercased()) is available to your organisation")
        }
        switch need {
        case .read where !collection.canRead(principal.organisation.id):
            throw TAXIIError(.forbidden, "Forbidden", details: "your organisation may add to this collection but not read it")
        case .write where !collection.canWrite(principal.organisation.id):
            throw TAXIIError(.forbidden, "Forbidden", details: "your organisation may read this collection but not add to it")
        default:
            return collection
        }
    }

    /// Resolves and loads in one step.
    func resolve(_ context: HubRequestContext, need: Need) async throws -> (Principal, SharingCollection) {
        let (principal, id) = try collection(context, need: need)
        return (principal, try await load(id, for: principal, need: need))
    }
}
