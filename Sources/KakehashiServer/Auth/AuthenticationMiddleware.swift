import Foundation
import Hummingbird
import HummingbirdAuth
import KakehashiCore
import KakehashiStorage

/// Finds who is asking: an API token (Bearer, or the password of HTTP Basic as TAXII clients send it),
/// or else the browser session cookie. A credential that is present but bad is refused with a 401 that
/// says why when a route asks for the principal; a request with none goes on anonymous, and each
/// route decides whether that is enough.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let hub: Hub

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            // A bad credential is kept, not thrown here, so that each API answers it in its own
            // error format (TAXII's for /taxii2/) when a route asks for the principal.
            do {
                context.identity = try await principal(forAuthorization: authorization)
            } catch let error as APIError {
                context.authenticationError = error
            }
        } else if let secret = request.cookies[SessionCookie.name]?.value,
                  let session = try await hub.sessions.find(secret: secret),
                  let principal = try await loadPrincipal(userID: session.userID, token: nil) {
            context.identity = principal
            context.session = session
        }
        return try await next(request, context)
    }

    private func principal(forAuthorization header: String) async throws -> Principal {
        let secret: String
        let lower = header.lowercased()
        if lower.hasPrefix("bearer ") {
            secret = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        } else if lower.hasPrefix("basic ") {
            guard let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                  let text = String(data: data, encoding: .utf8),
                  let colon = text.firstIndex(of: ":") else {
                throw APIError(.unauthorized, code: "malformed-credentials", "the Basic authorization header is not base64 of 'user:token'")
            }
            secret = String(text[text.index(after: colon)...])
        } else {
            throw APIError(.unauthorized, code: "unsupported-authorization", "use 'Authorization: Bearer TOKEN' or HTTP Basic with the token as the password")
        }
        guard secret.hasPrefix("kh_"), secret.count >= 40 else {
            throw APIError(.unauthorized, code: "malformed-token", "the API token is malformed; tokens start with 'kh_' and are shown once when created")
        }
        guard let token = try await hub.tokens.find(secret: secret) else {
            throw APIError(.unauthorized, code: "unknown-token", "the API token is not known to this hub")
        }
        if token.revokedAt != nil {
            throw APIError(.unauthorized, code: "revoked-token", "the API token was revoked")
        }
        guard token.isUsable(at: Date()) else {
            throw APIError(.unauthorized, code: "expired-token", "the API token has expired")
        }
        guard let principal = try await loadPrincipal(userID: token.userID, token: token) else {
            throw APIError(.unauthorized, code: "disabled-user", "the API token's user is disabled")
        }
        return principal
    }

    private func loadPrincipal(userID: UUID, token: APIToken?) async throws -> Principal? {
        guard let user = try await hub.users.find(id: userID), !user.disabled,
              let organisation = try await hub.organisations.find(id: user.organisationID) else {
            return nil
        }
        return Principal(user: user, organisation: organisation, tokenScopes: token?.scopes, tokenID: token?.id)
    }
}
