import Foundation
import Hummingbird
import KakehashiCore

/// `/api/v1/organisations`: the member directory; hub administrators add members.
struct OrganisationController {
    let hub: Hub

    struct CreateRequest: Decodable {
        let nameJa: String
        let nameEn: String
        let kind: String
        let sectors: [String]?
        let isacTier: String?
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        routes.get(":id/notification-emails", use: notificationEmails)
        routes.put(":id/notification-emails", use: setNotificationEmails)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [Organisation] {
        _ = try context.require(.read)
        return try await hub.organisations.list()
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<Organisation> {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may add member organisations")
        }
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let organisation = try MemberInput.organisation(nameJa: body.nameJa, nameEn: body.nameEn, kind: body.kind, sectors: body.sectors ?? [], isacTier: body.isacTier)
        try await hub.organisations.create(organisation)
        try await hub.audit.append(.by(context, action: "organisation.create", objectType: "organisation", objectID: organisation.id.uuidString.lowercased()))
        return EditedResponse(status: .created, response: organisation)
    }
}

extension Organisation: ResponseEncodable {}
