import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import Testing

/// Bodies the incident API cannot take: each answer is a 400 with a stable code and the field at fault.
@Suite struct IncidentRequestErrorTests {
    static func error(_ reply: APIResponse) throws -> ErrorResponse.Detail {
        try reply.decode(ErrorResponse.self).error
    }

    @Test(arguments: TestEngine.allCases) func createRefusesWhatIsNotAReport(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            var noCategory = ReportingWorld.railwayReport()
            noCategory["category"] = nil
            var badInstant = ReportingWorld.railwayReport()
            badInstant["times"] = ["detected": "yesterday", "becameAware": "2026-11-26T01:30:00Z", "timeZone": "Asia/Tokyo"]

            let notJSON = try Self.error(await world.call(.post, "/api/v1/incidents", as: "rail-reporter", raw: "{\"category\": "))
            let notObject = try Self.error(await world.call(.post, "/api/v1/incidents", as: "rail-reporter", raw: "[1, 2]"))
            let missing = try Self.error(await world.call(.post, "/api/v1/incidents", as: "rail-reporter", json: noCategory))
            let instant = try Self.error(await world.call(.post, "/api/v1/incidents", as: "rail-reporter", json: badInstant))

            #expect(notJSON.status == 400 && notJSON.code == "invalid-body")
            #expect(notObject.code == "invalid-body" && notObject.message == "the report must be a JSON object" && notObject.field == "report")
            #expect(missing.status == 400 && missing.code == "invalid-report" && missing.field == "category")
            #expect(missing.message.contains("'category'"))
            #expect(instant.code == "invalid-report" && instant.field == "times.detected")
        }
    }

    @Test(arguments: TestEngine.allCases) func aDraftThatIsNotAReportKeepsTheSavedDraft(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            var earthquake = ReportingWorld.railwayReport()
            earthquake["category"] = "earthquake"

            let refused = try Self.error(await world.call(.put, "/api/v1/incidents/\(id)/draft", as: "rail-reporter", json: earthquake))
            let read = try await world.call(.get, "/api/v1/incidents/\(id)", as: "rail-reporter")

            #expect(refused.code == "invalid-report" && refused.field == "category")
            #expect(read.status == .ok && read.body.contains("ransomware"))
        }
    }

    @Test(arguments: TestEngine.allCases) func submitNamesTheFieldAtFault(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            let path = "/api/v1/incidents/\(id)/submissions"
            var noTimes = ReportingWorld.railwayReport()
            noTimes["times"] = nil

            let notObject = try Self.error(await world.call(.post, path, as: "rail-reporter", raw: "\"initial\""))
            let draftKind = try Self.error(await world.call(.post, path, as: "rail-reporter", json: ["kind": "draft"]))
            let noKind = try Self.error(await world.call(.post, path, as: "rail-reporter", json: ["baseVersion": 0]))
            let textVersion = try Self.error(await world.call(.post, path, as: "rail-reporter", json: ["kind": "initial", "baseVersion": "0"]))
            let nullReport = try Self.error(await world.call(.post, path, as: "rail-reporter", json: ["kind": "initial", "report": NSNull()]))
            let badReport = try Self.error(await world.call(.post, path, as: "rail-reporter", json: ["kind": "initial", "report": noTimes]))
            let conflict = try Self.error(await world.call(.post, path, as: "rail-reporter", json: ["kind": "initial", "baseVersion": 3]))

            #expect(notObject.code == "invalid-body")
            #expect(draftKind.code == "invalid-field" && draftKind.field == "kind")
            #expect(noKind.code == "invalid-field" && noKind.field == "kind")
            #expect(textVersion.code == "invalid-field" && textVersion.field == "baseVersion")
            #expect(nullReport.code == "invalid-body" && nullReport.field == "report")
            #expect(badReport.code == "invalid-report" && badReport.field == "report.times")
            #expect(conflict.status == 409 && conflict.code == "version-conflict")
        }
    }

    @Test(arguments: TestEngine.allCases) func otherEndpointsNameTheMissingField(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let missing = try Self.error(await world.call(.post, "/api/v1/campaigns", as: "center-admin", json: ["titleJa": "x", "sectors": ["railways"]]))
            let wrongType = try Self.error(await world.call(.post, "/api/v1/campaigns", as: "center-admin", json: ["titleJa": "x", "titleEn": "x", "sectors": "railways"]))

            #expect(missing.status == 400 && missing.code == "invalid-body" && missing.field == "titleEn")
            #expect(wrongType.code == "invalid-body" && wrongType.field == "sectors")
        }
    }
}
