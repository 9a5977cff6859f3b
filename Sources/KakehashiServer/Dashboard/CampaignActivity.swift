import Foundation
import KakehashiCore

/// The dashboard's view of the status board: open campaigns the viewer may see, each with how many
/// operators stand disrupted or degraded in the sectors it sees, and whether its own organisation has
/// reported yet.
struct CampaignActivity: Encodable, Sendable {
    /// An open campaign as the dashboard lists it.
    struct Row: Encodable, Sendable, Equatable {
        let id: String
        let title: String
        let disrupted: Int
        let degraded: Int
        /// Whether the viewer's organisation is in the campaign, may report, and has not yet.
        let awaitingUs: Bool
    }

    let campaigns: [Row]
    let hasCampaigns: Bool

    static func load(for page: PageSession, hub: Hub) async throws -> CampaignActivity {
        let service = CampaignService(hub: hub)
        let open = try await hub.campaigns.list().filter(\.isOpen)
        guard !open.isEmpty else { return CampaignActivity(campaigns: [], hasCampaigns: false) }
        let organisations = try await hub.organisations.list()
        var rows: [Row] = []
        for campaign in open {
            guard let board = try await service.board(campaign, for: page.principal, organisations: organisations) else { continue }
            let counts = board.sectors.reduce(into: [OperationalState: Int]()) { total, sector in total.merge(sector.counts, uniquingKeysWith: +) }
            let own = board.sectors.flatMap(\.rows).first { $0.organisation.id == page.principal.organisation.id }
            rows.append(Row(
                id: campaign.id.uuidString.lowercased(), title: page.language == "ja" ? campaign.titleJa : campaign.titleEn,
                disrupted: counts[.disrupted] ?? 0, degraded: counts[.degraded] ?? 0,
                awaitingUs: own != nil && own?.latest == nil && CampaignAccess.mayReport(in: campaign, page.principal)))
        }
        return CampaignActivity(campaigns: rows, hasCampaigns: !rows.isEmpty)
    }
}
