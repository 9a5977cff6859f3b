import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/admin/members`: for administrators, the organisation's users; for hub administrators (national center,
/// ISAC) every member's users and the organisations by sector and ISAC tier.
struct MemberPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("admin/members", use: show)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.admin) else { throw PageNotFound() }
            return renderer.page("members", language: page.language, title: page.text["members"] ?? "", model: try await model(page: page, context: context))
        }
    }

    /// The members page's model for an administrator (the read is audited).
    func model(page: PageSession, context: HubRequestContext) async throws -> MemberPage.Model {
        let organisations = try await hub.organisations.list()
        var names: [UUID: String] = [:]
        for organisation in organisations { names[organisation.id] = page.name(of: organisation) }
        try await hub.audit.append(.by(context, action: "web.members.read", objectType: "user"))
        let users = try await UserController.visibleUsers(to: page.principal, hub: hub).map { user in
            MemberPage.Model.UserRow(username: user.username, displayName: user.displayName, role: page.text["role_\(user.role.rawValue)"] ?? user.role.rawValue,
                                  organisation: names[user.organisationID] ?? "-", timeZone: user.timeZone, locale: user.locale, disabled: user.disabled)
        }
        var model = MemberPage.Model(frame: page.frame, users: users, hubAdmin: page.principal.isHubAdministrator)
        if page.principal.isHubAdministrator {
            model.sectors = Self.bySector(organisations, page: page)
        }
        return model
    }

    /// Each sector with its member organisations and their ISAC tier; organisations without a sector last.
    static func bySector(_ organisations: [Organisation], page: PageSession) -> [MemberPage.Model.SectorGroup] {
        let ja = page.language == "ja"
        func row(_ organisation: Organisation) -> MemberPage.Model.Member {
            .init(name: page.name(of: organisation), kind: page.text["org_kind_\(organisation.kind.rawValue)"] ?? organisation.kind.rawValue,
                  tier: organisation.isacTier.map { page.text["tier_\($0.rawValue)"] ?? $0.rawValue } ?? "—")
        }
        var groups: [MemberPage.Model.SectorGroup] = Sector.allCases.compactMap { sector in
            let members = organisations.filter { $0.sectors.contains(sector) }
            return members.isEmpty ? nil : .init(sector: ja ? sector.nameJa : sector.nameEn, organisations: members.map(row))
        }
        let unsectored = organisations.filter(\.sectors.isEmpty)
        if !unsectored.isEmpty { groups.append(.init(sector: page.text["no_sector"] ?? "", organisations: unsectored.map(row))) }
        return groups
    }
}
