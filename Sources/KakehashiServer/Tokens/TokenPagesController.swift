import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/tokens`: a user's API tokens: list, create (the secret is shown once, on the answer to the form) and
/// revoke. Goes through ``TokenIssuer``, as `/api/v1/tokens` does.
struct TokenPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var issuer: TokenIssuer { TokenIssuer(hub: hub) }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("tokens", use: list)
        routes.post("tokens", use: create)
        routes.post("tokens/:id/revoke", use: revoke)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            var outcome = TokenPage.Outcome()
            if request.uri.queryParameters["revoked"] != nil { outcome.notice = page.text["token_revoked"] ?? "" }
            return try await tokensPage(page: page, form: FormFields(pairs: [("expires_days", "90"), ("scopes", "read")]), errors: [:], outcome: outcome)
        }
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            var errors: [String: String] = [:]
            let days = Int(form["expires_days"] ?? "")
            if days == nil { errors["expires_days"] = "invalid_number" }
            do {
                if errors.isEmpty {
                    let (token, secret) = try await issuer.create(for: page.principal, name: form["name"] ?? "", scopes: form.all("scopes"), expiresInDays: days, context: context)
                    return try await tokensPage(page: page, form: FormFields(pairs: [("expires_days", "90"), ("scopes", "read")]), errors: [:],
                                                outcome: .init(secret: secret, secretName: token.name), status: .created)
                }
            } catch let error as MemberValidationError {
                errors[Self.formField(error.field)] = "token_error_\(error.field)"
            } catch let error as APIError where error.field == "scopes" {
                errors["scopes"] = "token_error_scope_role"
            }
            return try await tokensPage(page: page, form: form, errors: errors, outcome: .init(), status: .unprocessableContent)
        }
    }

    @Sendable func revoke(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard let id = context.parameters.get("id", as: UUID.self) else { throw PageNotFound() }
            try await issuer.revoke(id, by: page.principal, context: context)
            return .redirect(to: "/tokens?revoked=\(id.uuidString.lowercased())", type: .normal)
        }
    }

    static func formField(_ field: String) -> String {
        field == "expiresInDays" ? "expires_days" : field
    }

    func tokensPage(page: PageSession, form: FormFields, errors: [String: String], outcome: TokenPage.Outcome, status: HTTPResponse.Status = .ok) async throws -> Response {
        renderer.page("tokens", language: page.language, title: page.text["api_tokens"] ?? "", model: try await model(page: page, form: form, errors: errors, outcome: outcome), status: status)
    }

    /// The tokens page's model: the user's tokens, the create form filled from `form` with `errors` (message keys), and `outcome`.
    func model(page: PageSession, form: FormFields, errors: [String: String], outcome: TokenPage.Outcome) async throws -> TokenPage.Model {
        let lang: ReportLanguage = page.language == "en" ? .en : .ja
        let zone = page.principal.user.timeZone
        let now = Date()
        let scopes = TokenScope.allCases.filter { page.principal.allows($0) }.map { FormField.Option(value: $0.rawValue, label: page.text["scope_\($0.rawValue)"] ?? $0.rawValue) }
        let errorTexts = errors.mapValues { page.text[$0] ?? $0 }
        let fields = [
            FormField(name: "name", label: page.text["token_name"] ?? "", kind: .text),
            FormField(name: "scopes", label: page.text["token_scopes"] ?? "", kind: .checkboxes(scopes)),
            FormField(name: "expires_days", label: page.text["token_expires_days"] ?? "", kind: .number),
        ].map { $0.model(form, errors: errorTexts) }
        let tokens = try await issuer.tokens(of: page.principal).map { token in
            let state = token.revokedAt != nil ? "token_state_revoked" : token.isUsable(at: now) ? "token_state_active" : "token_state_expired"
            return TokenPage.Model.Token(
                id: token.id.uuidString.lowercased(), name: token.name, prefix: token.prefix,
                scopes: token.scopes.map(\.rawValue).sorted().joined(separator: ", "),
                created: DeadlineDisplay.format(token.createdAt, timeZone: zone, language: lang),
                expires: token.expiresAt.map { DeadlineDisplay.format($0, timeZone: zone, language: lang) } ?? "—",
                state: page.text[state] ?? state, canRevoke: token.revokedAt == nil)
        }
        return TokenPage.Model(frame: page.frame, fields: fields, tokens: tokens,
                               secret: outcome.secret.orFalse, secretName: outcome.secretName, notice: outcome.notice.orFalse)
    }
}
