import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct RegimeControllerTests {
    /// The start catalogue with the action plan's initial period changed to `hours`.
    static func editedCatalogue(hours: Int) throws -> String {
        let path = try #require(RegimeSource.defaultPath())
        var catalogue = try decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        var regimes = try #require(catalogue["regimes"]?.arrayValue)
        var stages = try #require(regimes[0]["stages"]?.arrayValue)
        stages[0]["period"] = ["hours": .int(Int64(hours))]
        regimes[0]["stages"] = .array(stages)
        catalogue["regimes"] = .array(regimes)
        return String(decoding: try JSONEncoder().encode(catalogue), as: UTF8.self)
    }

    @Test(arguments: TestEngine.allCases) func hubAdministratorsReplaceTheCatalogueAndBadOnesAreRefused(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let start = try await world.call(.get, "/api/v1/regimes", as: "rail-viewer")
            #expect(start.status == .ok)
            #expect(try start.decode(RegimeCatalogueResponse.self).regimes.isEmpty == false)

            let byOperator = try await world.call(.put, "/api/v1/regimes", as: "rail-admin", raw: try Self.editedCatalogue(hours: 12))
            let broken = try await world.call(.put, "/api/v1/regimes", as: "center-admin", raw: #"{"regimes": [{"id": "x"}]}"#)
            let edited = try await world.call(.put, "/api/v1/regimes", as: "center-admin", raw: try Self.editedCatalogue(hours: 12))

            #expect(byOperator.status == .forbidden)
            #expect(broken.status == .unprocessableContent)
            #expect(broken.body.contains("regime"))
            #expect(edited.status == .ok)
            #expect(try edited.decode(RegimeUpdateResponse.self).version == 1)
            let id = try await world.createIncident()
            let submitted = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
            let deadline = try #require(try submitted.decode(SubmissionResultResponse.self).deadlines.first { $0.regimeID == "jp-ci-action-plan" })
            #expect(deadline.dueAt == "2026-11-26T13:30:00Z")
            let actions = try await world.auditActions()
            #expect(actions.contains("regimes.update") && actions.contains("regimes.update.refused"))
        }
    }

    @Test(arguments: TestEngine.allCases) func authoritiesAreMappedByHubAdministratorsOnly(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let body = ["organisations": [world.ministry.id.uuidString]]
            let byOperator = try await world.call(.put, "/api/v1/authorities/jp-prime-minister", as: "rail-admin", json: body)
            let badID = try await world.call(.put, "/api/v1/authorities/JP_PM", as: "center-admin", json: body)
            let unknownOrg = try await world.call(.put, "/api/v1/authorities/jp-prime-minister", as: "center-admin", json: ["organisations": [UUID().uuidString]])
            let assigned = try await world.call(.put, "/api/v1/authorities/jp-prime-minister", as: "center-admin", json: body)

            #expect(byOperator.status == .forbidden)
            #expect(badID.status == .badRequest)
            #expect(unknownOrg.status == .notFound)
            #expect(assigned.status == .ok)
            let list = try await world.call(.get, "/api/v1/authorities", as: "rail-viewer").decode([AuthorityController.Assignment].self)
            let pm = list.first { $0.authority == "jp-prime-minister" }
            #expect(pm?.organisations == [world.ministry.id])
            #expect(list.contains { $0.authority == "us-cisa" && $0.organisations.isEmpty })
        }
    }
}
