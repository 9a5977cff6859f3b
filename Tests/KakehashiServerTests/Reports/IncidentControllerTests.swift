import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct IncidentControllerTests {
    @Test(arguments: TestEngine.allCases) func aRefusedSubmissionNamesEveryMissingFieldAndKeepsTheDraft(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            var report = ReportingWorld.railwayReport(contact24x7: false)
            report["serviceImpact"] = [[String: Any]]()

            let refused = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial", "report": report])

            #expect(refused.status == .unprocessableContent)
            let body = try #require(refused.json as? [String: Any])
            let missing = (body["missing"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(missing == ["contacts.24x7", "serviceImpact"])
            let messages = try #require(body["messages"] as? [String: String])
            #expect(messages["ja"]?.contains("24時間365日対応の連絡先") == true)
            #expect(messages["ja"]?.contains("サービスへの影響") == true)
            #expect(messages["en"]?.contains("24×7 contact") == true)
            #expect(messages["en"]?.contains("Service impact") == true)
            let read = try await world.call(.get, "/api/v1/incidents/\(id)", as: "rail-reporter")
            let draft = try #require((read.json as? [String: Any])?["draft"] as? [String: Any])
            #expect(((draft["report"] as? [String: Any])?["serviceImpact"] as? [Any])?.isEmpty == true)
            #expect(try await world.auditActions().contains("incident.submit.refused"))
        }
    }

    @Test(arguments: TestEngine.allCases) func anAcceptedSubmissionReachesEveryRecipientWithReceipts(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()

            let accepted = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])

            #expect(accepted.status == .created)
            let result = try #require(accepted.json as? [String: Any])
            let deliveries = try #require(result["deliveries"] as? [[String: Any]])
            let recipients = Set(deliveries.compactMap { $0["recipientOrganisation"] as? String })
            #expect(recipients == [world.ministry.id.uuidString, world.test.center.id.uuidString])
            #expect(deliveries.allSatisfy { ($0["regimes"] as? [String]) == ["jp-ci-action-plan"] && $0["state"] as? String == "delivered" })
            let deadlines = try #require(result["deadlines"] as? [[String: Any]])
            #expect(deadlines.contains { $0["regimeID"] as? String == "jp-ci-action-plan" && $0["state"] as? String == "done" })

            let inbox = try await world.call(.get, "/api/v1/incidents/inbox", as: "mlit-officer")
            #expect((inbox.json as? [[String: Any]])?.compactMap { $0["incidentID"] as? String } == [id.uppercased()])
            let asRecipient = try await world.call(.get, "/api/v1/incidents/\(id)", as: "mlit-officer")
            let view = try #require(asRecipient.json as? [String: Any])
            #expect(view["relation"] as? String == "recipient")
            #expect(view["draft"] == nil || view["draft"] is NSNull)
            #expect((view["deliveries"] as? [Any])?.count == 1)
            #expect((view["submissions"] as? [Any])?.count == 1)
            let own = try await world.call(.get, "/api/v1/incidents", as: "rail-viewer")
            #expect((own.json as? [[String: Any]])?.first?["status"] as? String == "reported")
        }
    }

    @Test(arguments: TestEngine.allCases) func onlyTheRecipientAcknowledgesAndOthersAreAudited(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            let accepted = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
            let deliveries = try #require((accepted.json as? [String: Any])?["deliveries"] as? [[String: Any]])
            let receipt = try #require(deliveries.first { $0["recipientOrganisation"] as? String == world.ministry.id.uuidString }?["receiptID"] as? String)
            let path = "/api/v1/incidents/\(id)/deliveries/\(receipt)/acknowledge"

            let byOffice = try await world.call(.post, path, as: "center-admin")
            let byReporter = try await world.call(.post, path, as: "rail-reporter")
            let byMinistry = try await world.call(.post, path, as: "mlit-officer")

            #expect(byOffice.status == .forbidden)
            #expect(byReporter.status == .forbidden)
            #expect(byMinistry.status == .ok)
            #expect((byMinistry.json as? [String: Any])?["acknowledgedBy"] as? String == "mlit-officer")
            let actions = try await world.auditActions()
            #expect(actions.filter { $0 == "delivery.acknowledge.denied" }.count == 2)
            #expect(actions.contains("delivery.acknowledge"))
        }
    }

    @Test(arguments: TestEngine.allCases) func outsidersSeeNothingAndTheAttemptIsAudited(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()

            let draftOnly = try await world.call(.get, "/api/v1/incidents/\(id)", as: "mlit-officer")
            let unknown = try await world.call(.get, "/api/v1/incidents/\(UUID().uuidString)", as: "rail-reporter")
            let deadlines = try await world.call(.get, "/api/v1/incidents/\(id)/deadlines", as: "center-admin")

            #expect(draftOnly.status == .notFound)
            #expect(unknown.status == .notFound)
            #expect(deadlines.status == .notFound)
            let actions = try await world.auditActions()
            #expect(actions.filter { $0 == "incident.read.denied" }.count == 2)
            #expect(actions.contains("incident.deadlines.denied"))
        }
    }

    @Test(arguments: TestEngine.allCases) func submissionsFollowTheOrderAndASecondInitialReportConflicts(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            let update = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "update"])
            #expect(update.status == .conflict)

            async let first = world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial", "baseVersion": 0])
            async let second = world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-analyst", json: ["kind": "initial", "baseVersion": 0])
            let statuses = try await [first.status, second.status]

            #expect(statuses.sorted { $0.code < $1.code } == [.created, .conflict])
            let view = try await world.call(.get, "/api/v1/incidents/\(id)", as: "rail-reporter")
            #expect(((view.json as? [String: Any])?["deliveries"] as? [Any])?.count == 2)
            let final = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "final", "report": ReportingWorld.railwayReport()])
            #expect(final.status == .created)
            let after = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "update", "report": ReportingWorld.railwayReport()])
            #expect(after.status == .conflict)
        }
    }

    @Test(arguments: TestEngine.allCases) func exportsFollowConsentAndRelation(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])

            let withoutConsent = try await world.call(.get, "/api/v1/incidents/\(id)/export.stix", as: "rail-reporter")
            #expect(withoutConsent.status == .conflict)
            #expect(withoutConsent.body.contains("not consented"))

            _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "update", "report": ReportingWorld.railwayReport(shareWithISAC: true)])
            let bundle = try await world.call(.get, "/api/v1/incidents/\(id)/export.stix", as: "mlit-officer")
            #expect(bundle.status == .ok)
            let objects = try #require((bundle.json as? [String: Any])?["objects"] as? [[String: Any]])
            #expect((bundle.json as? [String: Any])?["type"] as? String == "bundle")
            #expect(objects.contains { $0["type"] as? String == "indicator" })
            #expect(!bundle.body.contains("Sakura Railway") && !bundle.body.contains("さくら旅客鉄道"))

            let full = try await world.call(.get, "/api/v1/incidents/\(id)/export.json", as: "rail-reporter")
            #expect(((full.json as? [String: Any])?["submissions"] as? [Any])?.count == 2)
            let recipientFull = try await world.call(.get, "/api/v1/incidents/\(id)/export.json", as: "mlit-officer")
            #expect(recipientFull.status == .forbidden)
            #expect(try await world.auditActions().contains("incident.export.stix.refused"))
        }
    }
}
