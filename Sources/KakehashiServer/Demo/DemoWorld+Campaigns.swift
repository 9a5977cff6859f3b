import Foundation
import KakehashiCore
import KakehashiStorage

extension DemoWorld {
    /// One open campaign on the status board — a DDoS wave against transport opened by the ISAC — with
    /// the port and the railway already reporting, so the board has something to show. Seeded once.
    static func seedCampaigns(hub: Hub, organisations: [String: Organisation]) async throws {
        guard try await hub.campaigns.list().isEmpty, let isac = organisations["Transport ISAC"] else { return }
        let now = Date()
        let campaign = Campaign(
            titleJa: "交通分野への DDoS 攻撃", titleEn: "DDoS wave against transport",
            summary: "予約・運航情報サイトへの DDoS が続いています。稼働状況を報告し、攻撃元の指標は交通分野のコレクションで共有してください。 / DDoS against booking and operations sites continues: report your state and share source indicators in the transport collection.",
            sectors: [.railways, .aviation, .airports, .ports, .logistics], openedBy: isac.id, openedAt: now.addingTimeInterval(-6 * 3600))
        let audit = { (action: String) in AuditRecord(actorUser: "cli", action: action, objectType: "campaign", objectID: campaign.id.uuidString.lowercased(), clientAddress: "local") }
        try await hub.campaigns.open(campaign, audit: audit("demo.campaign.open"))
        let reports: [(String, OperationalState, String, TimeInterval)] = [
            ("Chubu Port Terminal Operations", .degraded, "ターミナル予約システムの応答遅延。荷役は継続。", -5 * 3600),
            ("Sakura Passenger Railway", .monitoring, "予約サイトへの異常な通信を観測。サービスへの影響なし。", -2 * 3600),
        ]
        for (name, state, note, offset) in reports {
            guard let organisation = organisations[name] else { continue }
            try await hub.campaigns.report(StatusReport(campaignID: campaign.id, organisationID: organisation.id, state: state, note: note, reportedBy: "demo",
                                                        reportedAt: now.addingTimeInterval(offset)), audit: audit("demo.campaign.status"))
        }
    }
}
