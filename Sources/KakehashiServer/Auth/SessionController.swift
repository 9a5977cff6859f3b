import Foundation
import Hummingbird
import KakehashiCore

/// `/api/v1/session`: sign in and out with JSON, for scripts and single-page clients.
struct SessionController {
    let hub: Hub

    struct SignInRequest: Decodable {
        let username: String
        let password: String
    }

    struct SignInResponse: ResponseEncodable {
        let user: UserController.UserView
        /// Send this as `X-CSRF-Token` on every state-changing request of this session.
        let csrfToken: String
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.post(use: signIn)
        routes.delete(use: signOut)
        return routes
    }

    @Sendable func signIn(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await request.decode(as: SignInRequest.self, context: context)
        let result = try await SignInService(hub: hub).signIn(username: body.username, password: body.password, address: context.clientAddress, logger: context.logger)
        switch result {
        case .failure(.throttled):
            throw APIError(.tooManyRequests, code: "throttled", "too many failed sign-ins for this account or address; wait 15 minutes")
        case .failure(.badCredentials):
            throw APIError(.unauthorized, code: "bad-credentials", "the username or password is wrong")
        case .success(let signedIn):
            var response = try SignInResponse(user: .init(signedIn.user), csrfToken: signedIn.session.csrfToken).response(from: request, context: context)
            response.setCookie(SessionCookie.make(secret: signedIn.secret.value, lifetime: hub.configuration.sessionLifetime, secure: hub.configuration.servesTLS))
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: HubRequestContext) async throws -> Response {
        if let secret = request.cookies[SessionCookie.name]?.value {
            try await SignInService(hub: hub).signOut(secret: secret, context: context)
        }
        var response = Response(status: .noContent)
        response.setCookie(SessionCookie.cleared(secure: hub.configuration.servesTLS))
        return response
    }
}
