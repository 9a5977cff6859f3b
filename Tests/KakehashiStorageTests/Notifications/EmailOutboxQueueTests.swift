import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct EmailOutboxQueueTests {
    /// Submits an initial report: one e-mail each to the ministry and the office.
    static func queueTwoMails(_ fixture: ReportStorageFixture, on database: HubDatabase) async throws {
        let repository = IncidentRepository(database: database)
        let incident = try await fixture.createIncident(repository)
        try await repository.submit(fixture.plan(incident, after: 0, kind: .initial, at: fixture.start), audit: fixture.audit("incident.submit"))
    }

    @Test(arguments: TestEngine.allCases)
    func addressesAreReplacedInOrderAndAudited(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let book = NotificationAddressBook(database: database)
            let first = try EmailAddress.list(["soc@mlit.example.jp", "csirt@mlit.example.jp"])
            let second = try EmailAddress.list(["duty@mlit.example.jp"])

            try await book.set(first, of: fixture.ministry.id, audit: fixture.audit("organisation.notification-emails.set"))
            let afterFirst = try await book.addresses(of: fixture.ministry.id)
            try await book.set(second, of: fixture.ministry.id, audit: fixture.audit("organisation.notification-emails.set"))

            #expect(afterFirst.map(\.value) == ["soc@mlit.example.jp", "csirt@mlit.example.jp"])
            #expect(try await book.addresses(of: fixture.ministry.id).map(\.value) == ["duty@mlit.example.jp"])
            #expect(try await book.addresses(of: fixture.office.id).isEmpty)
            #expect(try await AuditLog(database: database).entries().filter { $0.action == "organisation.notification-emails.set" }.count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func mailWithoutAnAddressIsHeldUntilOneIsSet(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            try await Self.queueTwoMails(fixture, on: database)
            let outbox = EmailOutbox(database: database)
            let book = NotificationAddressBook(database: database)
            try await book.set(try EmailAddress.list(["soc@mlit.example.jp"]), of: fixture.ministry.id, audit: fixture.audit("set"))
            let now = fixture.start.addingTimeInterval(1)

            let claimed = try await outbox.claimDue(now: now, lease: 60)
            let held = try await outbox.list().filter { $0.state == .held }
            let released = try await book.set(try EmailAddress.list(["duty@office.example.jp"]), of: fixture.office.id, audit: fixture.audit("set"), now: now)
            let claimedAfterRelease = try await outbox.claimDue(now: now, lease: 60)

            #expect(claimed.map(\.message.organisationID) == [fixture.ministry.id])
            #expect(claimed.first?.recipients.map(\.value) == ["soc@mlit.example.jp"])
            #expect(held.map(\.organisationID) == [fixture.office.id])
            #expect(held.first?.lastError?.contains("no notification e-mail address") == true)
            #expect(released == 1)
            #expect(claimedAfterRelease.map(\.message.organisationID) == [fixture.office.id], "the ministry's mail is leased; the office's was released")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aClaimIsLeasedThenSentFailedOrRetried(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            try await Self.queueTwoMails(fixture, on: database)
            let book = NotificationAddressBook(database: database)
            for organisation in [fixture.ministry.id, fixture.office.id] {
                try await book.set(try EmailAddress.list(["soc@\(organisation.uuidString.lowercased().prefix(8)).example.jp"]), of: organisation, audit: fixture.audit("set"))
            }
            let outbox = EmailOutbox(database: database)
            let now = fixture.start.addingTimeInterval(1)

            let claimed = try await outbox.claimDue(now: now, lease: 60)
            let whileLeased = try await outbox.claimDue(now: now.addingTimeInterval(30), lease: 60)
            let sent = try #require(claimed.first { $0.message.organisationID == fixture.ministry.id })
            let failing = try #require(claimed.first { $0.message.organisationID == fixture.office.id })
            try await outbox.recordAttempt(id: sent.message.id, sent: true, recipients: sent.recipients.map(\.value), error: nil, retryAt: nil, now: now)
            try await outbox.recordAttempt(id: failing.message.id, sent: false, error: "RCPT TO:<x> was answered 451 try later", retryAt: now.addingTimeInterval(120), now: now)
            let tooEarly = try await outbox.claimDue(now: now.addingTimeInterval(100), lease: 60)
            let retried = try await outbox.claimDue(now: now.addingTimeInterval(121), lease: 60)
            try await outbox.recordAttempt(id: failing.message.id, sent: false, error: "DATA was answered 554 rejected", retryAt: nil, now: now)

            #expect(claimed.count == 2)
            #expect(whileLeased.isEmpty)
            #expect(tooEarly.isEmpty)
            #expect(retried.map(\.message.id) == [failing.message.id])
            #expect(retried.first?.message.attempts == 1)
            let stored = try #require(try await outbox.message(id: sent.message.id))
            #expect(stored.state == .sent && stored.sentAt != nil && stored.attempts == 1 && stored.recipients == sent.recipients.map(\.value))
            let given = try #require(try await outbox.message(id: failing.message.id))
            #expect(given.state == .failed && given.sentAt == nil && given.attempts == 2 && given.lastError == "DATA was answered 554 rejected")
            #expect(try await outbox.list(unsentOnly: true).map(\.id) == [failing.message.id])
            #expect(try await outbox.claimDue(now: now.addingTimeInterval(100_000), lease: 60).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentMailersNeverClaimTheSameMessage(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = IncidentRepository(database: database)
            let incident = try await fixture.createIncident(repository)
            for version in 0..<3 {
                try await repository.submit(fixture.plan(incident, after: version, kind: version == 0 ? .initial : .update, at: fixture.start), audit: fixture.audit("incident.submit"))
            }
            let book = NotificationAddressBook(database: database)
            for organisation in [fixture.ministry.id, fixture.office.id] {
                try await book.set(try EmailAddress.list(["soc@\(organisation.uuidString.lowercased().prefix(8)).example.jp"]), of: organisation, audit: fixture.audit("set"))
            }
            let outbox = EmailOutbox(database: database)
            let now = fixture.start.addingTimeInterval(1)

            let claims = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for _ in 0..<4 {
                    group.addTask { try await outbox.claimDue(now: now, lease: 60, limit: 2).map(\.message.id) }
                }
                return try await group.reduce(into: [UUID]()) { $0 += $1 }
            }

            #expect(claims.count == Set(claims).count, "no message is claimed twice")
            #expect(Set(claims) == Set(try await outbox.list().map(\.id)), "all six messages are claimed")
        }
    }
}
