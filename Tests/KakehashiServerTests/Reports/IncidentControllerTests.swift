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
            let body = try refused.decode(RefusalResponse.self)
            #expect(body.missing.map(\.field) == ["contacts.24x7", "serviceImpact"])
            let messages = body.messages
            #expect(messages["ja"]?.contains("24時間365日対応の連絡先") == true)
            #expect(messages["ja"]?.contains("サービスへの影響") == true)
            #expect(messages["en"]?.contains("24×7 contact") == true)
            #expect(messages["en"]?.contains("Service impact") == true)
            let read = try await world.call(.get, "/api/v1/incidents/\(id)", as: "rail-reporter")
            let draft = try #require(try read.decode(IncidentResponse.self).draft)
            #expect(draft.report.serviceImpact?.isEmpty == true)
            #expect(try await world.auditActions().contains("incident.submit.refused"))
        }
    }

    @Test(arguments: TestEngine.allCases) func anAcceptedSubmissionReachesEveryRecipientWithReceipts(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()

            let accepted = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])

            #expect(accepted.status == .created)
            let result = try accepted.decode(SubmissionResultResponse.self)
            let deliveries = result.deliveries
            let recipients = Set(deliveries.map(\.recipientOrganisation))
            #expect(recipients == [world.ministry.id.uuidString, world.test.center.id.uuidString])
            #expect(deliveries.allSatisfy { $0.regimes == ["jp-ci-action-plan"] && $0.state == "delivered" })
            #expect(result.deadlines.contains { $0.regimeID == "jp-ci-action-plan" && $0.state == "done" })

            let inbox = try await world.call(.get, "/api/v1/incidents/inbox", as: "mlit-officer")
            #expect(try inbox.decode([DeliveryResponse].self).map(\.incidentID) == [id.uppercased()])
            let asRecipient = try await world.call(.get, "/api/v1/incidents/\(id)", as: "mlit-officer")
            let view = try asRecipient.decode(IncidentResponse.self)
            #expect(view.relation == "recipient")
            #expect(view.draft == nil)
            #expect(view.deliveries.count == 1)
            #expect(view.submissions.count == 1)
            let own = try await world.call(.get, "/api/v1/incidents", as: "rail-viewer")
            #expect(try own.decode([IncidentSummaryResponse].self).first?.status == "reported")
        }
    }

    @Test(arguments: TestEngine.allCases) func onlyTheRecipientAcknowledgesAndOthersAreAudited(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            let accepted = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
            let deliveries = try accepted.decode(SubmissionResultResponse.self).deliveries
            let receipt = try #require(deliveries.first { $0.recipientOrganisation == world.ministry.id.uuidString }?.receiptID)
            let path = "/api/v1/incidents/\(id)/deliveries/\(receipt)/acknowledge"

            let byOffice = try await world.call(.post, path, as: "center-admin")
            let byReporter = try await world.call(.post, path, as: "rail-reporter")
            let byMinistry = try await world.call(.post, path, as: "mlit-officer")

            #expect(byOffice.status == .forbidden)
            #expect(byReporter.status == .forbidden)
            #expect(byMinistry.status == .ok)
            #expect(try byMinistry.decode(DeliveryResponse.self).acknowledgedBy == "mlit-officer")
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
            #expect(try view.decode(IncidentResponse.self).deliveries.count == 2)
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
            let stix = try bundle.decode(BundleResponse.self)
            #expect(stix.type == "bundle")
            #expect(stix.objects.contains { $0.type == "indicator" })
            #expect(!bundle.body.contains("Sakura Railway") && !bundle.body.contains("さくら旅客鉄道"))

            let full = try await world.call(.get, "/api/v1/incidents/\(id)/export.json", as: "rail-reporter")
            #expect(try full.decode(IncidentExportResponse.self).submissions.count == 2)
            let recipientFull = try await world.call(.get, "/api/v1/incidents/\(id)/export.json", as: "mlit-officer")
            #expect(recipientFull.status == .forbidden)
            #expect(try await world.auditActions().contains("incident.export.stix.refused"))
        }
    }
}
