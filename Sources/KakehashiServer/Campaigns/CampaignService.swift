import Foundation
import KakehashiCore
import KakehashiStorage

/// The status board's operations behind `/api/v1/campaigns`, the `/board` pages and the dashboard: the
/// rules of ``CampaignAccess`` applied, inputs checked, every read and write audited.
struct CampaignService: Sendable {
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

    /// The campaigns `principal` may see, open ones first; the listing is audited as `action`.
    func visibleCampaigns(to principal: Principal, context: HubRequestContext, action: String) async throws -> [Campaign] {
        let visible = try await hub.campaigns.list().filter { CampaignAccess.visibleSectors(of: $0, to: principal) != nil }
        try await hub.audit.append(.by(context, action: action, objectType: "campaign", details: ["count": String(visible.count)]))
        return visible
    }

    /// The campaign with `id` if `principal` may see it (an unknown id and a hidden campaign look alike).
    func visibleCampaign(_ id: UUID?, to principal: Principal) async throws -> Campaign? {
        guard let id, let campaign = try await hub.campaigns.campaign(id), CampaignAccess.visibleSectors(of: campaign, to: principal) != nil else { return nil }
        return campaign
    }

    /// The board of `campaign` as `principal` may see it, or nil when it may not see the campaign.
    /// - Parameter organisations: the members, when the caller has them already (the dashboard, for several boards).
    func board(_ campaign: Campaign, for principal: Principal, organisations: [Organisation]? = nil) async throws -> StatusBoard? {
        guard let sectors = CampaignAccess.visibleSectors(of: campaign, to: principal) else { return nil }
        let members: [Organisation]
        if let organisations { members = organisations } else { members = try await hub.organisations.list() }
        return StatusBoard(campaign: campaign, sectors: sectors, organisations: members, reports: try await hub.campaigns.reports(campaign: campaign.id))
    }

    /// The board, its reading audited as `action`.
    func readBoard(_ campaign: Campaign, for principal: Principal, context: HubRequestContext, action: String) async throws -> StatusBoard? {
        guard let board = try await board(campaign, for: principal) else { return nil }
        try await hub.audit.append(.by(context, action: action, objectType: "campaign", objectID: campaign.id.uuidString.lowercased(),
                                       details: ["sectors": board.sectors.map(\.sector.rawValue).joined(separator: ",")]))
        return board
    }

    /// Opens a campaign for `principal`'s organisation.
    /// - Throws: ``APIError`` 403 unless `principal` coordinates; ``MemberValidationError`` naming a bad field.
    func open(_ body: OpenRequest, by principal: Principal, context: HubRequestContext) async throws -> Campaign {
        guard CampaignAccess.mayCoordinate(principal) else {
            throw APIError(.forbidden, code: "not-coordinator", "only analysts and administrators of the national center or an ISAC open campaigns")
        }
        var sectors: [Sector] = []
        for name in body.sectors {
            guard let sector = Sector(rawValue: name) else {
                throw MemberValidationError(field: "sectors", message: "'\(name)' is not a sector; use one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !sectors.contains(sector) { sectors.append(sector) }
        }
        let campaign = Campaign(titleJa: body.titleJa.trimmingCharacters(in: .whitespacesAndNewlines), titleEn: body.titleEn.trimmingCharacters(in: .whitespacesAndNewlines),
                                summary: body.summary ?? "", sectors: sectors, openedBy: principal.organisation.id, openedAt: Date())
        try campaign.validate()
        try await hub.campaigns.open(campaign, audit: .by(context, action: "campaign.open", objectType: "campaign", objectID: campaign.id.uuidString.lowercased(),
                                                          details: ["sectors": campaign.sectors.map(\.rawValue).joined(separator: ",")]))
        return campaign
    }

    /// Closes `campaign`; its board stays readable.
    /// - Throws: ``APIError`` 403 unless `principal` coordinates; ``StorageError`` `conflict` when already closed.
    func close(_ campaign: Campaign, by principal: Principal, context: HubRequestContext) async throws -> Campaign {
        guard CampaignAccess.mayCoordinate(principal) else {
            throw APIError(.forbidden, code: "not-coordinator", "only analysts and administrators of the national center or an ISAC close campaigns")
        }
        var closed = campaign
        closed.closedAt = Date()
        try await hub.campaigns.close(campaign.id, at: closed.closedAt ?? Date(), audit: .by(context, action: "campaign.close", objectType: "campaign",
                                                                                            objectID: campaign.id.uuidString.lowercased()))
        return closed
    }

    /// Files `body` as `principal`'s organisation's state.
    /// - Throws: ``APIError`` 403 (not an operator of the campaign's sectors) or 409 (closed); ``MemberValidationError``.
    func report(_ body: StatusRequest, in campaign: Campaign, by principal: Principal, context: HubRequestContext) async throws {
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
}
