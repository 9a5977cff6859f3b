import Foundation
import Hummingbird
import KakehashiCore

/// `/api/v1/users`: an organisation's administrators list and add its users.
struct UserController {
    let hub: Hub

    /// A user as the API shows it: never the password hash.
    struct UserView: Codable, ResponseEncodable {
        let id: UUID
        let organisationID: UUID
        let username: String
        let displayName: String
        let role: Role
        let locale: String
        let timeZone: String

        init(_ user: User) {
            id = user.id
            organisationID = user.organisationID
            username = user.username
            displayName = user.displayName
            role = user.role
            locale = user.locale
            timeZone = user.timeZone
        }
    }

    struct CreateRequest: Decodable {
        let username: String
        let displayName: String?
        let password: String
        let role: String
        let organisationID: UUID?
        let locale: String?
        let timeZone: String?
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [UserView] {
        let principal = try context.require(.admin)
        return try await Self.visibleUsers(to: principal, hub: hub).map(UserView.init)
    }

    /// The users an administrator manages: the organisation's, or every member's for hub administrators.
    static func visibleUsers(to principal: Principal, hub: Hub) async throws -> [User] {
        try await hub.users.list(organisationID: principal.isHubAdministrator ? nil : principal.organisation.id)
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<UserView> {
        let principal = try context.require(.admin)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let organisationID = body.organisationID ?? principal.organisation.id
        guard organisationID == principal.organisation.id || principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "other-organisation", "administrators add users to their own organisation only", field: "organisationID")
        }
        try PasswordHasher.validate(body.password)
        let user = User(
            organisationID: organisationID,
            username: try MemberInput.username(body.username),
            displayName: body.displayName ?? body.username,
            role: try MemberInput.role(body.role),
            locale: try MemberInput.locale(body.locale ?? "ja"),
            timeZone: try MemberInput.timeZone(body.timeZone ?? "Asia/Tokyo")
        )
        try await hub.users.create(user, passwordHash: try await hub.passwords.hash(body.password))
        try await hub.audit.append(.by(context, action: "user.create", objectType: "user", objectID: user.id.uuidString.lowercased(), details: ["role": user.role.rawValue]))
        return EditedResponse(status: .created, response: UserView(user))
    }
}
