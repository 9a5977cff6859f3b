import Foundation
import KakehashiCore

/// The dashboard's view of the status board: open campaigns the viewer may see, each with how many
/// operators stand disrupted or degraded in the sectors it sees, and whether its own organisation has
/// reported yet.
struct CampaignActivity {
    let values: [String: Any]

    static func load(for page: PageSession, hub: Hub) async throws -> CampaignActivity {
        var rows: [[String: Any]] = []
        for campaign in try await hub.campaigns.list() where campaign.isOpen {
            guard let board = try await hub.statusBoard(campaign, for: page.principal) else { continue }
            let counts = board.sectors.reduce(into: [OperationalState: Int]()) { total, sector in total.merge(sector.counts, uniquingKeysWith: +) }
            let own = board.sectors.flatMap(\.rows).first { $0.organisation.id == page.principal.organisation.id }
            rows.append([
                "id": campaign.id.uuidString.lowercased(), "title": page.language == "ja" ? campaign.titleJa : campaign.titleEn,
                "disrupted": counts[.disrupted] ?? 0, "degraded": counts[.degraded] ?? 0,
                "awaitingUs": own != nil && own?.latest == nil && CampaignAccess.mayReport(in: campaign, page.principal),
            ])
        }
        return CampaignActivity(values: ["campaigns": rows, "hasCampaigns": !rows.isEmpty])
    }
}
