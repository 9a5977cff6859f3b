import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/campaigns`: the sector status board. The national center and ISACs open and close campaigns;
/// operators in a campaign's sectors report how they stand; each viewer sees the sectors it may (see
/// ``CampaignAccess``). Every read and write is audited; a campaign a caller may not see is a 404.
struct CampaignController {
    let service: CampaignService

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
        try await service.visibleCampaigns(to: try context.require(.read), context: context, action: "campaign.list")
    }

    @Sendable func open(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<Campaign> {
        let principal = try context.require(.write)
        let body = try await request.decode(as: CampaignService.OpenRequest.self, context: context)
        return EditedResponse(status: .created, response: try await service.open(body, by: principal, context: context))
    }

    @Sendable func board(_ request: Request, context: HubRequestContext) async throws -> BoardView {
        let principal = try context.require(.read)
        guard let board = try await service.readBoard(try await visibleCampaign(context, principal), for: principal, context: context, action: "campaign.board.read") else {
            throw Self.notFound
        }
        return BoardView(board)
    }

    @Sendable func close(_ request: Request, context: HubRequestContext) async throws -> Campaign {
        let principal = try context.require(.write)
        return try await service.close(try await visibleCampaign(context, principal), by: principal, context: context)
    }

    @Sendable func report(_ request: Request, context: HubRequestContext) async throws -> BoardView {
        let principal = try context.require(.report)
        let campaign = try await visibleCampaign(context, principal)
        let body = try await request.decode(as: CampaignService.StatusRequest.self, context: context)
        try await service.report(body, in: campaign, by: principal, context: context)
        guard let board = try await service.board(campaign, for: principal) else { throw Self.notFound }
        return BoardView(board)
    }

    static let notFound = APIError(.notFound, code: "not-found", "no campaign with that id is visible to you")

    private func visibleCampaign(_ context: HubRequestContext, _ principal: Principal) async throws -> Campaign {
        guard let campaign = try await service.visibleCampaign(context.parameters.get("id", as: UUID.self), to: principal) else { throw Self.notFound }
        return campaign
    }
}

extension Campaign: ResponseEncodable {}
