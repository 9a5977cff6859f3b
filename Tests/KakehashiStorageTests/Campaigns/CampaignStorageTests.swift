import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct CampaignStorageTests {
    @Test(arguments: TestEngine.allCases)
    func campaignsAndReportsAreKeptAndAClosedBoardTakesNoMore(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let campaigns = CampaignRepository(database: database)
            let ddos = Campaign(titleJa: "港湾 DDoS", titleEn: "Port DDoS", summary: "名古屋港の事例を受けて", sectors: [.ports, .logistics],
                                openedBy: fixture.office.id, openedAt: fixture.start)
            try await campaigns.open(ddos, audit: fixture.audit("campaign.open"))
            let first = StatusReport(campaignID: ddos.id, organisationID: fixture.port.id, state: .disrupted, note: "ターミナル停止", reportedBy: "port-reporter",
                                     reportedAt: fixture.start.addingTimeInterval(60))
            let second = StatusReport(campaignID: ddos.id, organisationID: fixture.port.id, state: .degraded, note: "", reportedBy: "port-reporter",
                                      reportedAt: fixture.start.addingTimeInterval(3600))
            try await campaigns.report(second, audit: fixture.audit("campaign.status.report"))
            try await campaigns.report(first, audit: fixture.audit("campaign.status.report"))

            #expect(try await campaigns.campaign(ddos.id) == ddos)
            #expect(try await campaigns.reports(campaign: ddos.id) == [first, second], "every report kept, oldest first")

            try await campaigns.close(ddos.id, at: fixture.start.addingTimeInterval(7200), audit: fixture.audit("campaign.close"))
            let closed = try #require(try await campaigns.campaign(ddos.id))
            #expect(closed.closedAt == fixture.start.addingTimeInterval(7200))
            await #expect { try await campaigns.report(first, audit: fixture.audit("campaign.status.report")) } throws: { ($0 as? StorageError)?.code == .conflict }
            await #expect { try await campaigns.close(ddos.id, at: Date(), audit: fixture.audit("campaign.close")) } throws: { ($0 as? StorageError)?.code == .conflict }
            var unknown = first
            unknown.campaignID = UUID()
            await #expect { try await campaigns.report(unknown, audit: fixture.audit("campaign.status.report")) } throws: { ($0 as? StorageError)?.code == .notFound }

            let later = Campaign(titleJa: "鉄道", titleEn: "Rail", sectors: [.railways], openedBy: fixture.office.id, openedAt: fixture.start.addingTimeInterval(10))
            try await campaigns.open(later, audit: fixture.audit("campaign.open"))
            #expect(try await campaigns.list().map(\.id) == [later.id, ddos.id], "open campaigns first")
            #expect(try await AuditLog(database: database).recent(limit: 20, actionPrefix: "campaign.").count == 5)
        }
    }
}
