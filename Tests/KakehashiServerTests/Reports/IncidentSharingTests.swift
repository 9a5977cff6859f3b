import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct IncidentSharingTests {
    @Test(arguments: TestEngine.allCases) func consentPublishesTheBundleIntoTheSectorCollectionOnly(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let isac = Organisation(nameJa: "交通ISAC", nameEn: "Transport ISAC", kind: .isac, sectors: [.railways, .ports])
            try await world.hub.organisations.create(isac)
            let railway = world.test.railway.id
            let sector = SharingCollection(title: "Transport", alias: "transport", readers: [isac.id, railway], writers: [railway])
            let elsewhere = SharingCollection(title: "Finance", alias: "finance", readers: [railway], writers: [railway])
            try await world.hub.collections.create(sector)
            try await world.hub.collections.create(elsewhere)
            let id = try await world.createIncident()

            let quiet = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
            let countAfterQuiet = try await world.hub.objects.count(in: sector.id)
            let shared = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter",
                                              json: ["kind": "update", "report": ReportingWorld.railwayReport(shareWithISAC: true)])

            #expect(try quiet.decode(SubmissionResultResponse.self).sharedTo.isEmpty)
            #expect(countAfterQuiet == 0)
            let sharedResult = try shared.decode(SubmissionResultResponse.self)
            #expect(sharedResult.sharedTo.map(\.collectionID) == [sector.id.uuidString])
            #expect(try await world.hub.objects.count(in: sector.id) > 0)
            #expect(try await world.hub.objects.count(in: elsewhere.id) == 0)
            #expect(sharedResult.sharingProblem == nil)
            #expect(try await world.auditActions().contains("incident.share"))
        }
    }
}
