import Foundation
import KakehashiCore
import KakehashiStorage

extension AdminOperations {
    /// Adds a TAXII collection; readers and writers are organisations named by id or name.
    /// - Throws: an error naming the organisation or TLP label that is unknown.
    public func createCollection(title: String, alias: String?, description: String?, readers: [String], writers: [String], defaultTLP: String) async throws -> SharingCollection {
        let title = title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw MemberValidationError(field: "title", message: "a collection needs a title") }
        guard let tlp = TLPLevel(label: defaultTLP) else {
            throw MemberValidationError(field: "default-tlp", message: "unknown TLP '\(defaultTLP)'; expected clear, green, amber, amber+strict or red")
        }
        guard !readers.isEmpty else { throw MemberValidationError(field: "readers", message: "name at least one organisation that may read") }
        func resolve(_ references: [String], field: String) async throws -> Set<UUID> {
            var ids = Set<UUID>()
            for reference in references {
                guard let organisation = try await hub.organisations.find(reference: reference) else {
                    throw MemberValidationError(field: field, message: "no organisation has the id or name '\(reference)'; see 'kakehashi org list'")
                }
                ids.insert(organisation.id)
            }
            return ids
        }
        let collection = SharingCollection(title: title, description: description, alias: alias, defaultTLP: tlp,
                                           readers: try await resolve(readers, field: "readers"), writers: try await resolve(writers, field: "writers"))
        try await hub.collections.create(collection)
        try await hub.audit.append(AuditRecord(actorUser: "cli", action: "collection.create", objectType: "collection",
                                               objectID: collection.id.uuidString.lowercased(), clientAddress: "local", details: ["default_tlp": tlp.rawValue]))
        return collection
    }
}
