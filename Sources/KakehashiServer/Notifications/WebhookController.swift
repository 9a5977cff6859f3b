import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/webhooks`: an organisation's webhook endpoints and their delivery logs. Organisation
/// administrators manage their own; the secret is shown only in the answer to creation.
struct WebhookController {
    let reporting: Reporting

    struct CreateRequest: Decodable {
        let url: String
        /// At least 16 characters; omitted, the hub makes one.
        let secret: String?
    }

    struct EndpointView: Encodable, ResponseEncodable {
        let id: UUID
        let organisationID: UUID
        let url: String
        let active: Bool
        let createdAt: Date
        /// Present only in the answer to creation.
        let secret: String?

        init(_ endpoint: WebhookEndpoint, showSecret: Bool = false) {
            id = endpoint.id
            organisationID = endpoint.organisationID
            url = endpoint.url
            active = endpoint.active
            createdAt = endpoint.createdAt
            secret = showSecret ? endpoint.secret : nil
        }
    }

    struct AttemptView: Encodable, ResponseEncodable {
        let id: UUID
        let event: String
        let state: String
        let attempts: Int
        let nextAttemptAt: Date
        let lastStatus: Int?
        let lastError: String?
        let createdAt: Date
        let deliveredAt: Date?
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        routes.delete(":id", use: remove)
        routes.get(":id/deliveries", use: log)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [EndpointView] {
        let principal = try context.require(.admin)
        let endpoints = try await reporting.webhooks.endpoints(of: principal.organisation.id)
        try await reporting.hub.audit.append(.by(context, action: "webhook.list", objectType: "webhook", details: ["count": String(endpoints.count)]))
        return endpoints.map { EndpointView($0) }
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<EndpointView> {
        let principal = try context.require(.admin)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        guard let url = URL(string: body.url), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
            throw APIError(.badRequest, code: "invalid-field", "url must be an absolute http or https URL", field: "url")
        }
        do {
            try reporting.hub.configuration.outbound.checkLiteral(url: url)
        } catch {
            throw APIError(.badRequest, code: "invalid-field", "\(error)", field: "url")
        }
        let secret = body.secret ?? SecretToken.generate(prefix: "whsec").value
        guard secret.count >= 16 else {
            throw APIError(.badRequest, code: "invalid-field", "a webhook secret needs at least 16 characters", field: "secret")
        }
        let endpoint = WebhookEndpoint(organisationID: principal.organisation.id, url: body.url, secret: secret)
        // The audit entry names the endpoint's host only: the secret, and any token in the URL, stay out of the log.
        try await reporting.webhooks.create(endpoint, audit: .by(context, action: "webhook.create", objectType: "webhook", objectID: endpoint.id.uuidString.lowercased(), details: ["host": url.host ?? ""]))
        return EditedResponse(status: .created, response: EndpointView(endpoint, showSecret: true))
    }

    @Sendable func remove(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.require(.admin)
        let endpoint = try await ownEndpoint(context, principal: principal)
        try await reporting.webhooks.deactivate(id: endpoint.id, audit: .by(context, action: "webhook.remove", objectType: "webhook", objectID: endpoint.id.uuidString.lowercased()))
        return .noContent
    }

    @Sendable func log(_ request: Request, context: HubRequestContext) async throws -> [AttemptView] {
        let principal = try context.require(.admin)
        let endpoint = try await ownEndpoint(context, principal: principal)
        try await reporting.hub.audit.append(.by(context, action: "webhook.log.read", objectType: "webhook", objectID: endpoint.id.uuidString.lowercased()))
        return try await reporting.webhooks.log(endpointID: endpoint.id).map {
            AttemptView(id: $0.id, event: $0.event, state: $0.state.rawValue, attempts: $0.attempts, nextAttemptAt: $0.nextAttemptAt,
                        lastStatus: $0.lastStatus, lastError: $0.lastError, createdAt: $0.createdAt, deliveredAt: $0.deliveredAt)
        }
    }

    func ownEndpoint(_ context: HubRequestContext, principal: Principal) async throws -> WebhookEndpoint {
        guard let id = context.parameters.get("id", as: UUID.self), let endpoint = try await reporting.webhooks.endpoint(id: id),
              endpoint.organisationID == principal.organisation.id else {
            throw APIError(.notFound, code: "not-found", "your organisation has no webhook endpoint with that id")
        }
        return endpoint
    }
}
