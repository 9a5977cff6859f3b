import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/campaigns`: the sector status board. The national center and ISACs open and close campaigns;
/// operators in a campaign's sectors report how they stand; each viewer sees the sectors it may (see
/// ``CampaignAccess``). Every read and write is audited; a campaign a caller may not see is a 404.
struct CampaignController {
    let hub: Hub

    struct OpenRequest: Decodable {
        let titleJa: String
        let titleEn: String
        let summary: String?
        let sectors: [String]
    }

    struct StatusRequest: Decodable {
        let state: String
        let note: String?
    }

    struct BoardView: Encodable, ResponseEncodable {
        struct RowView: Encodable {
            let organisationID: UUID
            let nameJa: String
            let nameEn: String
            let state: OperationalState?
            let note: String?
            let reportedBy: String?
            let reportedAt: Date?
        }

        struct SectorView: Encodable {
            let sector: Sector
            let counts: [String: Int]
            let unreported: Int
            let operators: [RowView]
        }

        let campaign: Campaign
        let sectors: [SectorView]

        init(_ board: StatusBoard) {
            campaign = board.campaign
            sectors = board.sectors.map { sector in
                SectorView(sector: sector.sector, counts: Dictionary(uniqueKeysWithValues: sector.counts.map { ($0.key.rawValue, $0.value) }), unreported: sector.unreported,
                           operators: sector.rows.map {
                               RowView(organisationID: $0.organisation.id, nameJa: $0.organisation.nameJa, nameEn: $0.organisation.nameEn, state: $0.latest?.state,
                                       note: $0.latest?.note, reportedBy: $0.latest?.reportedBy, reportedAt: $0.latest?.reportedAt)
                           })
            }
        }
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: open)
        routes.get(":id", use: board)
        routes.post(":id/close", use: close)
        routes.put(":id/status", use: report)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [Campaign] {
        let principal = try context.require(.read)
        let visible = try await hub.campaigns.list().filter { CampaignAccess.visibleSectors(of: $0, to: principal) != nil }
        try await hub.audit.append(.by(context, action: "campaign.list", objectType: "campaign", details: ["count": String(visible.count)]))
        return visible
    }

    @Sendable func open(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<Campaign> {
        let principal = try context.require(.write)
        guard CampaignAccess.mayCoordinate(principal) else {
            throw APIError(.forbidden, code: "not-coordinator", "only analysts and administrators of the national center or an ISAC open campaigns")
        }
        let body = try await request.decode(as: OpenRequest.self, context: context)
        let campaign = try Self.campaign(from: body, openedBy: principal.organisation.id, now: Date())
        try await hub.campaigns.open(campaign, audit: .by(context, action: "campaign.open", objectType: "campaign", objectID: campaign.id.uuidString.lowercased(),
                                                          details: ["sectors": campaign.sectors.map(\.rawValue).joined(separator: ",")]))
        return EditedResponse(status: .created, response: campaign)
    }

    /// Checks an open request (API and pages alike).
    static func campaign(from body: OpenRequest, openedBy: UUID, now: Date) throws -> Campaign {
        var sectors: [Sector] = []
        for name in body.sectors {
            guard let sector = Sector(rawValue: name) else {
                throw MemberValidationError(field: "sectors", message: "'\(name)' is not a sector; use one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !sectors.contains(sector) { sectors.append(sector) }
        }
        let campaign = Campaign(titleJa: body.titleJa.trimmingCharacters(in: .whitespacesAndNewlines), titleEn: body.titleEn.trimmingCharacters(in: .whitespacesAndNewlines),
                                summary: body.summary ?? "", sectors: sectors, openedBy: openedBy, openedAt: now)
        try campaign.validate()
        return campaign
    }

    @Sendable func board(_ request: Request, context: HubRequestContext) async throws -> BoardView {
        let principal = try context.require(.read)
        let campaign = try await visibleCampaign(context, principal)
        guard let board = try await hub.statusBoard(campaign, for: principal) else { throw Self.notFound }
        try await hub.audit.append(.by(context, action: "campaign.board.read", objectType: "campaign", objectID: campaign.id.uuidString.lowercased(),
                                       details: ["sectors": board.sectors.map(\.sector.rawValue).joined(separator: ",")]))
        return BoardView(board)
    }

    @Sendable func close(_ request: Request, context: HubRequestContext) async throws -> Campaign {
        let principal = try context.require(.write)
        var campaign = try await visibleCampaign(context, principal)
        guard CampaignAccess.mayCoordinate(principal) else {
            throw APIError(.forbidden, code: "not-coordinator", "only analysts and administrators of the national center or an ISAC close campaigns")
        }
        let now = Date()
        try await hub.campaigns.close(campaign.id, at: now, audit: .by(context, action: "campaign.close", objectType: "campaign", objectID: campaign.id.uuidString.lowercased()))
        campaign.closedAt = now
        return campaign
    }

    @Sendable func report(_ request: Request, context: HubRequestContext) async throws -> BoardView {
        let principal = try context.require(.report)
        let campaign = try await visibleCampaign(context, principal)
        let body = try await request.decode(as: StatusRequest.self, context: context)
        try await Self.file(body, campaign: campaign, principal: principal, hub: hub, context: context)
        guard let board = try await hub.statusBoard(campaign, for: principal) else { throw Self.notFound }
        return BoardView(board)
    }

    /// Files `body` as `principal`'s organisation's state (API and pages alike).
    static func file(_ body: StatusRequest, campaign: Campaign, principal: Principal, hub: Hub, context: HubRequestContext) async throws {
        guard CampaignAccess.mayReport(in: campaign, principal) else {
            let reason = campaign.isOpen ? "only operators in the campaign's sectors report their state, with a role that may file reports" : "the campaign is closed"
            throw APIError(campaign.isOpen ? .forbidden : .conflict, code: "may-not-report", reason)
        }
        guard let state = OperationalState(rawValue: body.state) else {
            throw MemberValidationError(field: "state", message: "'\(body.state)' is not a state; use one of \(OperationalState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let report = StatusReport(campaignID: campaign.id, organisationID: principal.organisation.id, state: state,
                                  note: (body.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines), reportedBy: principal.user.username, reportedAt: Date())
        try report.validate()
        try await hub.campaigns.report(report, audit: .by(context, action: "campaign.status.report", objectType: "campaign", objectID: campaign.id.uuidString.lowercased(),
                                                          details: ["state": state.rawValue]))
    }

    static let notFound = APIError(.notFound, code: "not-found", "no campaign with that id is visible to you")

    private func visibleCampaign(_ context: HubRequestContext, _ principal: Principal) async throws -> Campaign {
        guard let campaign = try await hub.visibleCampaign(context.parameters.get("id", as: UUID.self), to: principal) else { throw Self.notFound }
        return campaign
    }
}

extension Campaign: ResponseEncodable {}
