import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct IncidentRepositoryTests {
    /// The error `body` throws, or `nil`.
    static func failure(_ body: @Sendable () async throws -> Void) async -> (any Error)? {
        do { try await body(); return nil } catch { return error }
    }

    @Test(arguments: TestEngine.allCases)
    func submissionsAreVersionedWithDeliveriesAndNotifications(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = IncidentRepository(database: database)
            let webhooks = WebhookRepository(database: database)
            let endpoint = WebhookEndpoint(organisationID: fixture.ministry.id, url: "http://127.0.0.1:9/hook", secret: "s3cret")
            try await webhooks.create(endpoint, audit: fixture.audit("webhook.create"))
            let incident = try await fixture.createIncident(repository)

            try await repository.submit(fixture.plan(incident, after: 0, kind: .initial, at: fixture.start.addingTimeInterval(60)), audit: fixture.audit("incident.submit"))
            try await repository.submit(fixture.plan(incident, after: 1, kind: .update, at: fixture.start.addingTimeInterval(120)), audit: fixture.audit("incident.submit"))

            let stored = try #require(try await repository.find(id: incident.id))
            #expect(stored.latestVersion == 2)
            #expect(stored.status == .reported)
            let submissions = try await repository.submissions(incidentID: incident.id)
            #expect(submissions.map(\.version) == [1, 2])
            #expect(submissions.map(\.kind) == [.initial, .update])
            #expect(submissions[0].unassignedAuthorities == ["jp-prime-minister"])
            #expect(try await repository.draft(incidentID: incident.id) == nil)
            let deliveries = try await repository.deliveries(incidentID: incident.id)
            #expect(deliveries.count == 4)
            #expect(try await repository.inbox(recipient: fixture.office.id).map(\.version) == [2, 1])
            #expect(try await repository.isRecipient(fixture.ministry.id, of: incident.id))
            #expect(try await repository.isRecipient(fixture.port.id, of: incident.id) == false)
            // Only the ministry has an endpoint; both organisations get an e-mail per submission.
            #expect(try await webhooks.log(endpointID: endpoint.id).count == 2)
            #expect(try await EmailOutbox(database: database).list().count == 4)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentSubmitsOfTheSameVersionLeaveOneWinner(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = IncidentRepository(database: database)
            let incident = try await fixture.createIncident(repository)
            let plan = fixture.plan(incident, after: 0, kind: .initial, at: fixture.start)
            let twin = fixture.plan(incident, after: 0, kind: .initial, at: fixture.start)

            async let first = Self.failure { try await repository.submit(plan, audit: fixture.audit("incident.submit")) }
            async let second = Self.failure { try await repository.submit(twin, audit: fixture.audit("incident.submit")) }
            let failures = await [first, second].compactMap { $0 }

            #expect(failures.count == 1)
            #expect((failures.first as? StorageError)?.code == .conflict)
            #expect(try await repository.deliveries(incidentID: incident.id).count == 2)
            #expect(try await repository.submissions(incidentID: incident.id).count == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aSecondInitialReportIsRefusedByTheSchema(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = IncidentRepository(database: database)
            let incident = try await fixture.createIncident(repository)
            try await repository.submit(fixture.plan(incident, after: 0, kind: .initial, at: fixture.start), audit: fixture.audit("incident.submit"))

            await #expect {
                try await repository.submit(fixture.plan(incident, after: 1, kind: .initial, at: fixture.start), audit: fixture.audit("incident.submit"))
            } throws: { ($0 as? StorageError)?.code == .conflict }
            #expect(try await repository.find(id: incident.id)?.latestVersion == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func draftsAreReplacedAndAcknowledgementsKeepTheFirst(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = IncidentRepository(database: database)
            let incident = try await fixture.createIncident(repository)
            let later = fixture.start.addingTimeInterval(30)
            try await repository.saveDraft(DraftRecord(incidentID: incident.id, json: #"{"category":"ddos"}"#, savedBy: "port-admin", savedAt: later), category: "ddos", audit: fixture.audit("incident.draft"))
            #expect(try await repository.draft(incidentID: incident.id)?.json == #"{"category":"ddos"}"#)
            #expect(try await repository.find(id: incident.id)?.category == "ddos")

            try await repository.submit(fixture.plan(incident, after: 0, kind: .initial, at: later), audit: fixture.audit("incident.submit"))
            let receipt = try #require(try await repository.deliveries(incidentID: incident.id).first)
            let first = try await repository.acknowledge(id: receipt.id, by: "mlit-officer", at: later.addingTimeInterval(5), audit: fixture.audit("delivery.acknowledge"))
            let again = try await repository.acknowledge(id: receipt.id, by: "someone-else", at: later.addingTimeInterval(50), audit: fixture.audit("delivery.acknowledge"))
            #expect(first.state == .acknowledged)
            #expect(again.acknowledgedBy == "mlit-officer")
            #expect(again.acknowledgedAt == later.addingTimeInterval(5))
            await #expect {
                try await repository.saveDraft(DraftRecord(incidentID: UUID(), json: "{}", savedBy: "x", savedAt: later), category: "other", audit: fixture.audit("incident.draft"))
            } throws: { ($0 as? StorageError)?.code == .notFound }
        }
    }
}
