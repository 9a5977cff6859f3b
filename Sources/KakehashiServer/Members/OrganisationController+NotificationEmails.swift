import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/organisations/{id}/notification-emails`: where the hub e-mails an organisation.
extension OrganisationController {
    struct NotificationEmailsRequest: Decodable {
        let addresses: [String]
    }

    /// Where an organisation's notification e-mails go.
    struct NotificationEmailsView: Encodable, ResponseEncodable {
        let organisationID: UUID
        let addresses: [String]
    }

    /// `GET /api/v1/organisations/{id}/notification-emails`: the organisation's administrators and hub administrators.
    @Sendable func notificationEmails(_ request: Request, context: HubRequestContext) async throws -> NotificationEmailsView {
        let organisation = try await administeredOrganisation(context)
        let addresses = try await hub.notificationAddresses.addresses(of: organisation)
        return NotificationEmailsView(organisationID: organisation, addresses: addresses.map(\.value))
    }

    /// `PUT /api/v1/organisations/{id}/notification-emails` with `{"addresses": [...]}` replaces the list;
    /// an empty list keeps the organisation's mail in the outbox.
    @Sendable func setNotificationEmails(_ request: Request, context: HubRequestContext) async throws -> NotificationEmailsView {
        let organisation = try await administeredOrganisation(context)
        let body = try await request.decode(as: NotificationEmailsRequest.self, context: context)
        let addresses = try EmailAddress.list(body.addresses)
        // The audit entry counts the addresses; the addresses themselves are contact data.
        try await hub.notificationAddresses.set(addresses, of: organisation, audit: .by(
            context, action: "organisation.notification-emails.set", objectType: "organisation", objectID: organisation.uuidString.lowercased(),
            details: ["count": String(addresses.count)]))
        return NotificationEmailsView(organisationID: organisation, addresses: addresses.map(\.value))
    }

    /// The organisation in the path, when the caller administers it (or administers the hub).
    func administeredOrganisation(_ context: HubRequestContext) async throws -> UUID {
        let principal = try context.require(.admin)
        guard let id = context.parameters.get("id", as: UUID.self), try await hub.organisations.find(id: id) != nil else {
            throw APIError(.notFound, code: "not-found", "no organisation has that id")
        }
        guard id == principal.organisation.id || principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-organisation-administrator", "only administrators of that organisation or of the hub may manage its notification addresses")
        }
        return id
    }
}
