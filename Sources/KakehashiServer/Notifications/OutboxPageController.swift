import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/admin/outbox`: the e-mails the hub owes recipient organisations, with each one's state, for hub
/// administrators (the page beside `GET /api/v1/outbox`). Bodies are not shown: they may carry report details.
struct OutboxPageController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("admin/outbox", use: show)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.admin), page.principal.isHubAdministrator else { throw PageNotFound() }
            let model = try await model(page: page, context: context, unsentOnly: request.uri.queryParameters["unsent"] == "true")
            return renderer.page("outbox", language: page.language, title: page.text["outbox"] ?? "", model: model)
        }
    }

    /// The outbox page's model: every e-mail, or the unsent ones only (the read is audited).
    func model(page: PageSession, context: HubRequestContext, unsentOnly unsent: Bool) async throws -> OutboxPage.Model {
        let messages = try await EmailOutbox(database: hub.database).list(unsentOnly: unsent)
        try await hub.audit.append(.by(context, action: "web.outbox.read", objectType: "email-outbox", details: ["count": String(messages.count)]))
        let names = try await page.organisationNames(hub)
        return OutboxPage.Model(frame: page.frame, unsent: unsent, empty: messages.isEmpty, messages: messages.map { message in
            .init(created: page.time(message.createdAt), organisation: names[message.organisationID] ?? "-", subject: message.subject,
                  state: page.text["mail_state_\(message.state.rawValue)"] ?? message.state.rawValue, stateClass: message.state.rawValue,
                  attempts: message.attempts,
                  when: message.sentAt.map(page.time) ?? (message.state == .pending ? page.time(message.nextAttemptAt) : "—"),
                  recipients: message.recipients.joined(separator: ", "), lastError: message.lastError ?? "")
        })
    }
}
