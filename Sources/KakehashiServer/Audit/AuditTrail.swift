import Foundation
import KakehashiCore
import KakehashiStorage

extension AuditRecord {
    /// A record of what the principal behind `context` did, with the client's address filled in.
    static func by(_ context: HubRequestContext, action: String, objectType: String? = nil, objectID: String? = nil, details: [String: String] = [:]) -> AuditRecord {
        AuditRecord(
            actorUser: context.identity?.user.username,
            actorOrganisation: context.identity?.organisation.id.uuidString.lowercased(),
            action: action,
            objectType: objectType,
            objectID: objectID,
            clientAddress: context.clientAddress,
            details: details
        )
    }
}
