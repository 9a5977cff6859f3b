import Foundation
import KakehashiCore
import Testing

@Suite struct StatusBoardTests {
    let rail = Organisation(nameJa: "さくら鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways])
    let rail2 = Organisation(nameJa: "あおば鉄道", nameEn: "Aoba Railway", kind: .operator, sectors: [.railways])
    let rail3 = Organisation(nameJa: "みどり鉄道", nameEn: "Midori Railway", kind: .operator, sectors: [.railways])
    let port = Organisation(nameJa: "中部港湾", nameEn: "Chubu Port", kind: .operator, sectors: [.ports])
    let ministry = Organisation(nameJa: "国土交通省", nameEn: "MLIT", kind: .regulator, sectors: [.railways, .ports])
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func campaign(_ sectors: [Sector]) -> Campaign {
        Campaign(titleJa: "DDoS 攻撃", titleEn: "DDoS wave", sectors: sectors, openedBy: UUID(), openedAt: start)
    }

    @Test func theNewestReportCountsAndTheWorstStandFirst() {
        let ddos = campaign([.railways, .ports])
        let reports = [
            StatusReport(campaignID: ddos.id, organisationID: rail.id, state: .disrupted, note: "予約停止", reportedBy: "a", reportedAt: start.addingTimeInterval(60)),
            StatusReport(campaignID: ddos.id, organisationID: rail.id, state: .degraded, note: "一部復旧", reportedBy: "a", reportedAt: start.addingTimeInterval(600)),
            StatusReport(campaignID: ddos.id, organisationID: rail2.id, state: .normal, reportedBy: "b", reportedAt: start.addingTimeInterval(120)),
            StatusReport(campaignID: UUID(), organisationID: rail3.id, state: .disrupted, reportedBy: "c", reportedAt: start),
        ]

        let board = StatusBoard(campaign: ddos, sectors: [.railways, .ports], organisations: [rail, rail2, rail3, port, ministry], reports: reports.reversed())

        #expect(board.sectors.map(\.sector) == [.railways, .ports])
        let railways = board.sectors[0]
        #expect(railways.rows.map(\.organisation.nameEn) == ["Sakura Railway", "Aoba Railway", "Midori Railway"], "degraded, normal, then not reported")
        #expect(railways.rows[0].latest?.state == .degraded && railways.rows[0].latest?.note == "一部復旧")
        #expect(railways.rows[2].latest == nil, "another campaign's report does not count")
        #expect(railways.counts == [.degraded: 1, .normal: 1])
        #expect(railways.unreported == 1)
        #expect(board.sectors[1].rows.map(\.organisation.nameEn) == ["Chubu Port"], "regulators are not on the board")
    }

    @Test func aViewerSeesOnlyTheSectorsItMay() {
        let board = StatusBoard(campaign: campaign([.railways, .ports]), sectors: [.ports, .aviation], organisations: [rail, port], reports: [])
        #expect(board.sectors.map(\.sector) == [.ports])
    }

    @Test func aCampaignNeedsTitlesAndSectors() {
        #expect(throws: MemberValidationError(field: "titleEn", message: "a campaign needs a title in Japanese and in English")) {
            try Campaign(titleJa: "攻撃", titleEn: "  ", sectors: [.ports], openedBy: UUID(), openedAt: start).validate()
        }
        #expect(throws: MemberValidationError(field: "sectors", message: "name at least one sector the campaign concerns")) {
            try campaign([]).validate()
        }
        #expect(throws: MemberValidationError.self) {
            try StatusReport(campaignID: UUID(), organisationID: UUID(), state: .normal, note: String(repeating: "長", count: 1001), reportedBy: "a", reportedAt: start).validate()
        }
        #expect(OperationalState.normal < .monitoring && OperationalState.degraded < .disrupted)
    }
}
