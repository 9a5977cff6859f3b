import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The sign-in and sign-out pages.
struct SignInPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("signin", use: signInPage)
        routes.post("signin", use: signIn)
        routes.post("signout", use: signOut)
        return routes
    }

    @Sendable func signInPage(_ request: Request, context: HubRequestContext) async throws -> Response {
        signInForm(request, context: context, error: nil, username: "")
    }

    @Sendable func signIn(_ request: Request, context: HubRequestContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        let language = PageLanguage.resolve(request, context: context)
        let text = Messages.catalogue(language)
        let username = form["username"] ?? ""
        // Double-submit check: the form's token must equal the cookie set with the form.
        guard let cookie = request.cookies[SessionCookie.preSignInCSRF]?.value, let field = form["_csrf"], constantTimeEqual(cookie, field) else {
            return signInForm(request, context: context, error: text["csrf_failed"], username: username, status: .forbidden)
        }
        let result = try await SignInService(hub: hub).signIn(username: username, password: form["password"] ?? "", address: context.clientAddress, logger: context.logger)
        switch result {
        case .failure(.throttled):
            return signInForm(request, context: context, error: text["throttled"], username: username, status: .tooManyRequests)
        case .failure(.badCredentials):
            return signInForm(request, context: context, error: text["bad_credentials"], username: username, status: .unauthorized)
        case .success(let signedIn):
            var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
            response.setCookie(SessionCookie.make(secret: signedIn.secret.value, lifetime: hub.configuration.sessionLifetime, secure: hub.configuration.servesTLS))
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: HubRequestContext) async throws -> Response {
        // CSRFMiddleware has checked the session's token by now.
        if let secret = request.cookies[SessionCookie.name]?.value {
            try await SignInService(hub: hub).signOut(secret: secret, context: context)
        }
        var response = Response.redirect(to: "/signin", type: .normal)
        response.setCookie(SessionCookie.cleared(secure: hub.configuration.servesTLS))
        return response
    }

    private func signInForm(_ request: Request, context: HubRequestContext, error: String?, username: String, status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage.resolve(request, context: context)
        let csrf = SecretToken.generate(prefix: "c").value
        let next = request.uri.queryParameters["next"].map(String.init) ?? "/"
        let model = SignInPage.Model(csrf: csrf, next: Self.safeNext(next), username: username, error: error)
        var response = renderer.page("signin", language: language, title: Messages.catalogue(language)["sign_in"] ?? "", model: model, status: status)
        response.setCookie(Cookie(name: SessionCookie.preSignInCSRF, value: csrf, path: "/signin", secure: hub.configuration.servesTLS, httpOnly: true, sameSite: .strict))
        PageLanguage.remember(request, on: &response)
        return response
    }

    /// Only same-site paths may follow sign-in, so the form cannot be used to send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    static func escape(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?"))) ?? "/"
    }
}
