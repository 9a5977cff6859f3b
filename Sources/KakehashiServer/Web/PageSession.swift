import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The signed-in browser behind a page request.
struct PageSession {
    let principal: Principal
    let session: BrowserSession
    let language: String

    /// The page session, if the request came from a signed-in browser.
    static func current(_ request: Request, context: HubRequestContext) -> PageSession? {
        guard let principal = context.identity, let session = context.session else { return nil }
        return PageSession(principal: principal, session: session, language: PageLanguage.resolve(request, context: context))
    }

    /// The way to sign-in that comes back to this page afterwards.
    static func signInRedirect(_ request: Request) -> Response {
        var path = request.uri.path
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        return .redirect(to: "/signin?next=\(SignInPagesController.escape(path))", type: .found)
    }

    var text: [String: String] { Messages.catalogue(language) }

    /// Runs a page handler for a signed-in browser: without a session it answers the redirect to
    /// sign-in; a page that does not exist for this viewer gets the error page (404), never a trace.
    static func handle(_ request: Request, context: HubRequestContext, renderer: PageRenderer, _ body: (PageSession) async throws -> Response) async throws -> Response {
        guard let page = current(request, context: context) else { return signInRedirect(request) }
        do {
            var response = try await body(page)
            PageLanguage.remember(request, on: &response)
            return response
        } catch let error as APIError where [.notFound, .forbidden].contains(error.status) {
            // A refusal from a shared service (e.g. another organisation's incident) looks like any missing page.
            return notFound(page, renderer: renderer)
        } catch is PageNotFound {
            return notFound(page, renderer: renderer)
        }
    }

    private static func notFound(_ page: PageSession, renderer: PageRenderer) -> Response {
        let model = ErrorPage.Model(frame: page.frame, heading: page.text["not_found"] ?? "", message: page.text["not_found_message"] ?? "")
        return renderer.page("error", language: page.language, title: page.text["not_found"] ?? "", model: model, status: .notFound)
    }
}

extension Principal {
    /// Officials who oversee the hub's use of information: the national office and regulators.
    var isAuditOverseer: Bool {
        [.nationalCenter, .regulator].contains(organisation.kind) && user.role >= .analyst
    }
}

extension TLPLevel {
    /// The CSS class of the label's standard colours.
    var cssClass: String { rawValue.replacingOccurrences(of: "+", with: "-") }
}
