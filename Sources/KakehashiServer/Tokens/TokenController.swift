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

    var issuer: TokenIssuer { TokenIssuer(hub: hub) }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [TokenView] {
        let principal = try context.requirePrincipal()
        return try await issuer.tokens(of: principal).map { TokenView($0) }
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<TokenView> {
        let principal = try context.requirePrincipal()
        if principal.tokenScopes != nil {
            throw APIError(.forbidden, code: "token-cannot-mint", "an API token cannot create tokens; sign in to create one")
        }
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let (token, secret) = try await issuer.create(for: principal, name: body.name, scopes: body.scopes, expiresInDays: body.expiresInDays, context: context)
        return EditedResponse(status: .created, response: TokenView(token, secret: secret))
    }

    @Sendable func revoke(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.requirePrincipal()
        try await issuer.revoke(try context.parameters.require("id", as: UUID.self), by: principal, context: context)
        return .noContent
    }
}
