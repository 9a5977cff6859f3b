import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/authorities`: which member organisations receive reports addressed to each authority id.
struct AuthorityController {
    let reporting: Reporting

    /// The authority ids the shipped regimes use; others (from an edited catalogue) are accepted too.
    static let known = ["jp-mlit", "jp-meti", "jp-mic", "jp-fsa", "jp-mhlw", "jp-nisc", "jp-prime-minister", "us-cisa", "eu-csirt", "au-acsc", "uk-competent-authority"]

    struct Assignment: Codable, ResponseEncodable {
        let authority: String
        let organisations: [UUID]
    }

    struct AssignRequest: Decodable {
        let organisations: [UUID]
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.put(":authority", use: assign)
        return routes
    }

    /// Every authority id the regimes in force name, with its organisations (empty: unassigned).
    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [Assignment] {
        _ = try context.require(.read)
        let map = try await reporting.authorities.all()
        let catalogue = try await reporting.regimes.active().catalogue
        var ids = Self.known
        let named = catalogue.regimes.flatMap(\.authorities).filter { catalogue.roles[$0] == nil } + catalogue.roles.values.flatMap(\.values)
        for id in named + map.keys.sorted() where !ids.contains(id) { ids.append(id) }
        try await reporting.hub.audit.append(.by(context, action: "authority.list", objectType: "authority"))
        return ids.map { Assignment(authority: $0, organisations: map[$0] ?? []) }
    }

    /// `PUT /api/v1/authorities/:authority` with `{"organisations": [id…]}`; hub administrators only.
    @Sendable func assign(_ request: Request, context: HubRequestContext) async throws -> Assignment {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may map authorities to organisations")
        }
        let authority = try context.parameters.require("authority")
        guard !authority.isEmpty, authority.count <= 64, authority.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw APIError(.badRequest, code: "invalid-field", "an authority id is lower-case letters, digits and hyphens, e.g. jp-mlit", field: "authority")
        }
        let body = try await request.decode(as: AssignRequest.self, context: context)
        try await reporting.authorities.assign(authority, to: body.organisations, audit: .by(
            context, action: "authority.assign", objectType: "authority", objectID: authority,
            details: ["organisations": body.organisations.map { $0.uuidString.lowercased() }.joined(separator: ",")]))
        return Assignment(authority: authority, organisations: try await reporting.authorities.all()[authority] ?? [])
    }
}
