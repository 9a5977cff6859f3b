import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct ReportDirectoryTests {
    @Test(arguments: TestEngine.allCases)
    func authoritiesMapToExistingOrganisations(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let directory = AuthorityDirectory(database: database)
            try await directory.assign("jp-mlit", to: [fixture.ministry.id], audit: fixture.audit("authority.assign"))
            try await directory.assign("jp-nisc", to: [fixture.office.id, fixture.ministry.id], audit: fixture.audit("authority.assign"))
            try await directory.assign("jp-nisc", to: [fixture.office.id], audit: fixture.audit("authority.assign"))

            #expect(try await directory.all() == ["jp-mlit": [fixture.ministry.id], "jp-nisc": [fixture.office.id]])
            await #expect {
                try await directory.assign("jp-meti", to: [UUID()], audit: fixture.audit("authority.assign"))
            } throws: { ($0 as? StorageError)?.code == .notFound }
            #expect(try await directory.all()["jp-meti"] == nil)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func theNewestRegimeCatalogueIsActive(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            let store = RegimeCatalogueStore(database: database)
            #expect(try await store.active() == nil)
            #expect(try await store.activate(json: #"{"regimes":[]}"#, by: "nco-admin", audit: fixture.audit("regimes.update")) == 1)
            #expect(try await store.activate(json: #"{"regimes":[1]}"#, by: "nco-admin", audit: fixture.audit("regimes.update")) == 2)
            let active = try #require(try await store.active())
            #expect(active.version == 2)
            #expect(active.json == #"{"regimes":[1]}"#)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func webhookCallsAreLeasedRetriedAndGivenUp(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let webhooks = WebhookRepository(database: database)
            let endpoint = WebhookEndpoint(organisationID: fixture.office.id, url: "http://127.0.0.1:9/hook", secret: "s3cret")
            try await webhooks.create(endpoint, audit: fixture.audit("webhook.create"))
            let repository = IncidentRepository(database: database)
            let incident = try await fixture.createIncident(repository)
            try await repository.submit(fixture.plan(incident, after: 0, kind: .initial, at: fixture.start), audit: fixture.audit("incident.submit"))

            let now = fixture.start.addingTimeInterval(1)
            let claimed = try await webhooks.claimDue(now: now, lease: 60)
            #expect(claimed.map(\.secret) == ["s3cret"])
            #expect(try await webhooks.claimDue(now: now.addingTimeInterval(30), lease: 60).isEmpty)

            let id = try #require(claimed.first?.delivery.id)
            try await webhooks.recordAttempt(id: id, succeeded: false, status: 500, error: "HTTP 500", retryAt: now.addingTimeInterval(2), now: now)
            #expect(try await webhooks.claimDue(now: now.addingTimeInterval(1), lease: 60).isEmpty)
            #expect(try await webhooks.claimDue(now: now.addingTimeInterval(3), lease: 60).count == 1)
            try await webhooks.recordAttempt(id: id, succeeded: false, status: nil, error: "refused", retryAt: nil, now: now)
            let log = try await webhooks.log(endpointID: endpoint.id)
            #expect(log.map(\.state) == [.failed])
            #expect(log.first?.attempts == 2)
            #expect(log.first?.lastError == "refused")
            #expect(try await webhooks.claimDue(now: now.addingTimeInterval(3600), lease: 60).isEmpty)
        }
    }
}
