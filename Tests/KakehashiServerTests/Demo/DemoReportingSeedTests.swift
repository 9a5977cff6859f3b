import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct DemoReportingSeedTests {
    @Test(arguments: TestEngine.allCases) func theDemoFilesThePortRansomwareReportOnce(engine: TestEngine) async throws {
        try await engine.withScratchDatabase(logger: TestHub.logger) { scratch in
            let hub = Hub(configuration: HubConfiguration(bcryptCost: 4), database: scratch.database)
            _ = try await DemoWorld.seed(hub: hub, logger: TestHub.logger)
            _ = try await DemoWorld.seed(hub: hub, logger: TestHub.logger)

            let organisations = Dictionary(uniqueKeysWithValues: try await hub.organisations.list().map { ($0.nameEn, $0) })
            let port = try #require(organisations["Chubu Port Terminal Operations"])
            let incidents = IncidentRepository(database: hub.database)
            let filed = try await incidents.list(reporter: port.id)
            #expect(filed.count == 1)
            let incident = try #require(filed.first)
            #expect(incident.status == .reported)
            let recipients = Set(try await incidents.deliveries(incidentID: incident.id).map(\.recipientOrganisation))
            #expect(recipients == Set([organisations["Ministry of Land, Infrastructure, Transport and Tourism"]?.id, organisations["National Cybersecurity Office"]?.id].compactMap { $0 }))
            #expect(try await AuthorityDirectory(database: hub.database).all().keys.sorted() == ["jp-mlit", "jp-nisc"])
            let campaigns = try await hub.campaigns.list()
            #expect(campaigns.count == 1 && campaigns.first?.isOpen == true, "one open campaign on the status board, seeded once")
            #expect(try await hub.campaigns.reports(campaign: try #require(campaigns.first).id).map(\.state) == [.degraded, .monitoring])
        }
    }
}
