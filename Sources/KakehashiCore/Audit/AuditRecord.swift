import Foundation

/// What happened, as a caller describes it to the audit log; the log adds position, time and hashes.
public struct AuditRecord: Sendable, Equatable {
    public var actorUser: String?
    public var actorOrganisation: String?
    /// `noun.verb`, e.g. `taxii.objects.read`, `token.revoke`, `session.signin.failed`.
    public var action: String
    public var objectType: String?
    public var objectID: String?
    public var clientAddress: String?
    public var details: [String: String]

    public init(
        actorUser: String? = nil,
        actorOrganisation: String? = nil,
        action: String,
        objectType: String? = nil,
        objectID: String? = nil,
        clientAddress: String? = nil,
        details: [String: String] = [:]
    ) {
        self.actorUser = actorUser
        self.actorOrganisation = actorOrganisation
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.clientAddress = clientAddress
        self.details = details
    }

    /// The record's details as canonical JSON (sorted keys), the form that is hashed.
    public var detailsJSON: String {
        guard let data = try? JSONEncoder.hub().encode(details) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
