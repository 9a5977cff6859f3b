import Foundation
import Hummingbird
import KakehashiCore

/// `/api/v1/tokens`: a user's API tokens. The token is shown once, in the answer to its creation.
struct TokenController {
    let hub: Hub

    struct CreateRequest: Decodable {
        let name: String
        let scopes: [String]
        /// Days until the token expires; omitted means 90. At most 3650.
        let expiresInDays: Int?
    }

    struct TokenView: Codable, ResponseEncodable {
        let id: UUID
        let name: String
        let prefix: String
        let scopes: [String]
        let createdAt: Date
        let expiresAt: Date?
        let revokedAt: Date?
        /// Present only in the answer to creation.
        let token: String?

        init(_ token: APIToken, secret: String? = nil) {
            id = token.id
            name = token.name
            prefix = token.prefix
            scopes = token.scopes.map(\.rawValue).sorted()
            createdAt = token.createdAt
            expiresAt = token.expiresAt
            revokedAt = token.revokedAt
            self.token = secret
        }
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        routes.delete(":id", use: revoke)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [TokenView] {
        let principal = try context.requirePrincipal()
        return try await hub.tokens.list(userID: principal.user.id).map { TokenView($0) }
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<TokenView> {
        let principal = try context.requirePrincipal()
        if principal.tokenScopes != nil {
            throw APIError(.forbidden, code: "token-cannot-mint", "an API token cannot create tokens; sign in to create one")
        }
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let scopes = try TokenScope.parseList(body.scopes.joined(separator: ","))
        for scope in scopes where !principal.allows(scope) {
            throw APIError(.forbidden, code: "scope-beyond-role", "the role '\(principal.user.role.rawValue)' cannot hold the '\(scope.rawValue)' scope", field: "scopes")
        }
        let days = body.expiresInDays ?? 90
        guard (1...3650).contains(days) else {
            throw APIError(.badRequest, code: "invalid-field", "expiresInDays must be between 1 and 3650", field: "expiresInDays")
        }
        let name = body.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw APIError(.badRequest, code: "invalid-field", "a token needs a name", field: "name") }
        let (token, secret) = try await hub.tokens.create(userID: principal.user.id, name: name, scopes: scopes, expiresAt: Date().addingTimeInterval(Double(days) * 86_400))
        try await hub.audit.append(.by(context, action: "token.create", objectType: "api-token", objectID: token.id.uuidString.lowercased(), details: ["scopes": TokenView(token).scopes.joined(separator: ",")]))
        return EditedResponse(status: .created, response: TokenView(token, secret: secret.value))
    }

    @Sendable func revoke(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id", as: UUID.self)
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
        return .noContent
    }
}
