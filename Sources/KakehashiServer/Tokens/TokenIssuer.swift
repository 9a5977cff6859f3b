import Foundation
import KakehashiCore

/// Issues, lists and revokes API tokens for the REST API and the tokens page alike.
struct TokenIssuer: Sendable {
    let hub: Hub

    /// The user's own tokens, newest first.
    func tokens(of principal: Principal) async throws -> [APIToken] {
        try await hub.tokens.list(userID: principal.user.id)
    }

    /// Creates a token for the principal's user; the secret is in the answer and nowhere else.
    /// - Throws: ``MemberValidationError`` naming the field at fault (`name`, `scopes`, `expiresInDays`);
    ///   ``APIError`` 403 when an API token tries to mint another.
    func create(for principal: Principal, name: String, scopes: [String], expiresInDays: Int?, context: HubRequestContext) async throws -> (token: APIToken, secret: String) {
        if principal.tokenScopes != nil {
            throw APIError(.forbidden, code: "token-cannot-mint", "an API token cannot create tokens; sign in to create one")
        }
        let scopes = try TokenScope.parseList(scopes.joined(separator: ","))
        for scope in scopes.sorted(by: { $0.rawValue < $1.rawValue }) where !principal.allows(scope) {
            throw APIError(.forbidden, code: "scope-beyond-role", "the role '\(principal.user.role.rawValue)' cannot hold the '\(scope.rawValue)' scope", field: "scopes")
        }
        let days = expiresInDays ?? 90
        guard (1...3650).contains(days) else {
            throw MemberValidationError(field: "expiresInDays", message: "expiresInDays must be between 1 and 3650")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw MemberValidationError(field: "name", message: "a token needs a name") }
        let (token, secret) = try await hub.tokens.create(userID: principal.user.id, name: name, scopes: scopes, expiresAt: Date().addingTimeInterval(Double(days) * 86_400))
        try await hub.audit.append(.by(context, action: "token.create", objectType: "api-token", objectID: token.id.uuidString.lowercased(),
                                       details: ["scopes": token.scopes.map(\.rawValue).sorted().joined(separator: ",")]))
        return (token, secret.value)
    }

    /// Revokes a token: one's own, or as an administrator one of the organisation's (any, for hub administrators).
    /// - Throws: ``APIError`` 404 for an unknown token, 403 for someone else's.
    func revoke(_ id: UUID, by principal: Principal, context: HubRequestContext) async throws {
        guard let token = try await hub.tokens.find(id: id) else {
            throw APIError(.notFound, code: "not-found", "no API token has the id \(id.uuidString.lowercased())")
        }
        var allowed = token.userID == principal.user.id
        if !allowed, principal.allows(.admin), let owner = try await hub.users.find(id: token.userID) {
            allowed = owner.organisationID == principal.organisation.id || principal.isHubAdministrator
        }
        guard allowed else {
            throw APIError(.forbidden, code: "not-your-token", "you may revoke your own tokens, or as an administrator those of your organisation")
        }
        try await hub.tokens.revoke(id: id)
        try await hub.audit.append(.by(context, action: "token.revoke", objectType: "api-token", objectID: id.uuidString.lowercased()))
    }
}
