import Foundation
import KakehashiCore
import KakehashiStorage

/// What the admin command line does, as plain functions that tests call too.
/// Every change is written to the audit chain with the actor `cli`.
public struct AdminOperations: Sendable {
    public let hub: Hub

    public init(hub: Hub) {
        self.hub = hub
    }

    private static func record(_ action: String, type: String, id: String, details: [String: String] = [:]) -> AuditRecord {
        AuditRecord(actorUser: "cli", action: action, objectType: type, objectID: id, clientAddress: "local", details: details)
    }

    /// Adds a member organisation.
    public func createOrganisation(nameJa: String, nameEn: String, kind: String, sectors: [String], isacTier: String?) async throws -> Organisation {
        let organisation = try MemberInput.organisation(nameJa: nameJa, nameEn: nameEn, kind: kind, sectors: sectors, isacTier: isacTier)
        try await hub.organisations.create(organisation)
        try await hub.audit.append(Self.record("organisation.create", type: "organisation", id: organisation.id.uuidString.lowercased()))
        return organisation
    }

    /// Replaces where an organisation (named by id or name) is e-mailed; an empty list removes every address.
    /// - Returns: the organisation and the addresses kept (repeats dropped).
    /// - Throws: ``MemberValidationError`` naming the first unacceptable address; ``StorageError`` `notFound`.
    public func setNotificationEmails(organisation reference: String, addresses: [String]) async throws -> (organisation: Organisation, addresses: [EmailAddress]) {
        guard let organisation = try await hub.organisations.find(reference: reference) else {
            throw StorageError(.notFound, "no organisation has the id or name '\(reference)'; see 'kakehashi org list'")
        }
        let checked = try EmailAddress.list(addresses, field: "emails")
        try await hub.notificationAddresses.set(checked, of: organisation.id, audit: Self.record(
            "organisation.notification-emails.set", type: "organisation", id: organisation.id.uuidString.lowercased(), details: ["count": String(checked.count)]))
        return (organisation, checked)
    }

    /// Adds a user to an organisation named by id or name.
    /// - Throws: ``StorageError`` `notFound` naming the organisation when it does not exist.
    public func createUser(organisation reference: String, username: String, displayName: String?, role: String, password: String, locale: String = "ja", timeZone: String = "Asia/Tokyo") async throws -> User {
        guard let organisation = try await hub.organisations.find(reference: reference) else {
            throw StorageError(.notFound, "no organisation has the id or name '\(reference)'; see 'kakehashi org list'")
        }
        try PasswordHasher.validate(password)
        let user = User(
            organisationID: organisation.id,
            username: try MemberInput.username(username),
            displayName: displayName ?? username,
            role: try MemberInput.role(role),
            locale: try MemberInput.locale(locale),
            timeZone: try MemberInput.timeZone(timeZone)
        )
        try await hub.users.create(user, passwordHash: try await hub.passwords.hash(password))
        try await hub.audit.append(Self.record("user.create", type: "user", id: user.id.uuidString.lowercased(), details: ["role": user.role.rawValue]))
        return user
    }

    /// Creates an API token for a user; the returned secret is shown once.
    public func createToken(username: String, name: String, scopes: String, expiresInDays: Int?) async throws -> (token: APIToken, secret: SecretToken) {
        guard let user = try await hub.users.credentials(username: username)?.user else {
            throw StorageError(.notFound, "no user is called '\(username)'; see 'kakehashi user list'")
        }
        let scopeSet = try TokenScope.parseList(scopes)
        let principal = Principal(user: user, organisation: Organisation(nameJa: "", nameEn: "", kind: .operator))
        for scope in scopeSet where !principal.allows(scope) {
            throw MemberValidationError(field: "scopes", message: "the role '\(user.role.rawValue)' of \(username) cannot hold the '\(scope.rawValue)' scope")
        }
        if let days = expiresInDays, !(1...3650).contains(days) {
            throw MemberValidationError(field: "expires-days", message: "must be between 1 and 3650")
        }
        let expiry = expiresInDays.map { Date().addingTimeInterval(Double($0) * 86_400) }
        let created = try await hub.tokens.create(userID: user.id, name: name, scopes: scopeSet, expiresAt: expiry)
        try await hub.audit.append(Self.record("token.create", type: "api-token", id: created.token.id.uuidString.lowercased(), details: ["user": username]))
        return created
    }

    /// Revokes a token by id.
    public func revokeToken(id: UUID) async throws {
        try await hub.tokens.revoke(id: id)
        try await hub.audit.append(Self.record("token.revoke", type: "api-token", id: id.uuidString.lowercased()))
    }

    /// Writes the audit chain as JSON lines, one entry a line, oldest first.
    /// - Returns: how many entries were written.
    public func exportAudit(since: Date?, write: (String) throws -> Void) async throws -> Int {
        let encoder = JSONEncoder.hub()
        var after: Int64 = 0
        var count = 0
        while true {
            let page = try await hub.audit.entries(afterSequence: after, since: since, limit: 5000)
            for entry in page {
                try write(String(decoding: try encoder.encode(AuditExportLine(entry)), as: UTF8.self))
                count += 1
            }
            guard let last = page.last else { return count }
            after = last.sequence
        }
    }
}

/// One exported audit entry: every hashed field, so an overseer can recompute the chain.
struct AuditExportLine: Encodable {
    let seq: Int64
    let time: String
    let timeMicros: Int64
    let actorUser: String?
    let actorOrganisation: String?
    let action: String
    let objectType: String?
    let objectID: String?
    let clientAddress: String?
    let details: String
    let previousHash: String
    let hash: String

    init(_ entry: AuditEntry) {
        seq = entry.sequence
        timeMicros = entry.timeMicros
        time = Date(micros: entry.timeMicros).formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        actorUser = entry.actorUser
        actorOrganisation = entry.actorOrganisation
        action = entry.action
        objectType = entry.objectType
        objectID = entry.objectID
        clientAddress = entry.clientAddress
        details = entry.details
        previousHash = entry.previousHash
        hash = entry.hash
    }
}
