import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct InboxPageTests {
    /// Files and submits the railway's report through the API; returns the incident id and the ministry's receipt.
    static func delivered(_ world: ReportingWorld) async throws -> (incident: String, receipt: DeliveryRecord) {
        let id = try await world.createIncident()
        let accepted = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
        #expect(accepted.status == .created)
        let deliveries = try await IncidentRepository(database: world.hub.database).deliveries(incidentID: try #require(UUID(uuidString: id)))
        return (id.lowercased(), try #require(deliveries.first { $0.recipientOrganisation == world.ministry.id }))
    }

    @Test(arguments: TestEngine.allCases) func theInboxIsForRecipientOrganisations(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let (incident, receipt) = try await Self.delivered(world)
            let railway = try await PageBrowser.signIn(world, as: "rail-admin")
            #expect(try await railway.get("/inbox").status == .notFound)
            let officer = try await PageBrowser.signIn(world, as: "mlit-officer")

            let inbox = try await officer.get("/inbox")

            #expect(inbox.status == .ok)
            #expect(inbox.html.contains(#"href="/inbox">受信箱</a>"#), "the navigation offers the inbox to the ministry")
            #expect(inbox.html.contains("座席予約システムが暗号化された。") && inbox.html.contains("さくら旅客鉄道") && inbox.html.contains("第一報"))
            #expect(inbox.html.contains("jp-ci-action-plan") && inbox.html.contains(receipt.id.uuidString.lowercased()))
            #expect(inbox.html.contains(#"action="/inbox/\#(incident)/deliveries/\#(receipt.id.uuidString.lowercased())/acknowledge""#))
            let detail = try await officer.get("/incidents/\(incident)")
            #expect(detail.status == .ok && detail.html.contains("受信した報告") && detail.html.contains("198.51.100.7"))
            #expect(!detail.html.contains("/steps/"), "a recipient reads; it does not edit")
            #expect(try await officer.get("/incidents/\(incident)/steps/review").status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func theRecipientAcknowledges(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let (incident, receipt) = try await Self.delivered(world)
            let officer = try await PageBrowser.signIn(world, as: "mlit-officer")

            let acknowledged = try await officer.post("/inbox/\(incident)/deliveries/\(receipt.id.uuidString.lowercased())/acknowledge", [])

            #expect(acknowledged.status == .seeOther)
            let stored = try #require(try await IncidentRepository(database: world.hub.database).delivery(id: receipt.id))
            #expect(stored.state == .acknowledged && stored.acknowledgedBy == "mlit-officer")
            let inbox = try await officer.get(try #require(acknowledged.location))
            #expect(inbox.html.contains("受領を確認しました。") && inbox.html.contains("受領確認済み") && !inbox.html.contains("/acknowledge\""))
            let reporter = try await PageBrowser.signIn(world, as: "rail-reporter")
            #expect(try await reporter.get("/incidents/\(incident)").html.contains("受領確認済み"), "the reporter sees the acknowledgement")
        }
    }

    @Test(arguments: TestEngine.allCases) func anotherOrganisationCannotAcknowledgeAndNeitherCanAForgedForm(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let (incident, receipt) = try await Self.delivered(world)
            let path = "/inbox/\(incident)/deliveries/\(receipt.id.uuidString.lowercased())/acknowledge"
            let office = try await PageBrowser.signIn(world, as: "center-admin")
            let officer = try await PageBrowser.signIn(world, as: "mlit-officer")

            let byOffice = try await office.post(path, [])
            let forged = try await officer.post(path, [], csrf: false)

            #expect(byOffice.status == .notFound && byOffice.html.contains("ページが見つかりません"))
            #expect(forged.status == .forbidden)
            #expect(try await IncidentRepository(database: world.hub.database).delivery(id: receipt.id)?.state == .delivered)
            #expect(try await world.auditActions().contains("delivery.acknowledge.denied"))
        }
    }
}
