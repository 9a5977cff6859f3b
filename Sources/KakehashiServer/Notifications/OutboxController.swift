import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `GET /api/v1/outbox[?unsent=true]`: the e-mails the hub owes recipient organisations. Hub administrators only.
///
/// Each message shows its state: `pending`, `sent` (with the recipients), `failed` or `held` (the organisation
/// has no notification address) and the last SMTP reply. Without `--smtp-url` every message stays `pending`.
struct OutboxController {
    let reporting: Reporting

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [EmailOutbox.Message] {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may read the outbox")
        }
        let unsent = request.uri.queryParameters["unsent"] == "true"
        let messages = try await reporting.outbox.list(unsentOnly: unsent)
        try await reporting.hub.audit.append(.by(context, action: "outbox.read", objectType: "email-outbox", details: ["count": String(messages.count)]))
        return messages
    }
}

extension EmailOutbox.Message: ResponseEncodable {}
