import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct MailDispatcherTests {
    static func dispatcher(_ world: ReportingWorld, port: Int, policy: RetryPolicy = RetryPolicy(initialDelay: 10, maximumDelay: 60, maximumAttempts: 2)) throws -> MailDispatcher {
        let configuration = try SMTPConfiguration(url: "smtp+plain://127.0.0.1:\(port)", from: "hub@kakehashi.example.jp", heloName: "hub.test", timeout: .seconds(20))
        return MailDispatcher(database: world.hub.database, configuration: configuration, policy: policy, logger: TestHub.logger)
    }

    /// Gives the ministry two addresses through the API, then submits a railway report (mail for the ministry and the center).
    static func submitWithMinistryAddresses(_ world: ReportingWorld) async throws -> String {
        let set = try await world.call(.put, "/api/v1/organisations/\(world.ministry.id.uuidString.lowercased())/notification-emails", as: "mlit-admin",
                                       json: ["addresses": ["soc@mlit.example.jp", "duty@mlit.example.jp"]])
        #expect(set.status == .ok)
        let id = try await world.createIncident()
        _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
        return id
    }

    @Test(arguments: TestEngine.allCases) func aQueuedMailIsSentOnceAndMarkedSent(engine: TestEngine) async throws {
        let server = FakeSMTPServer()
        try await server.serve { port in
            try await ReportingWorld.run(on: engine) { world in
                let incident = try await Self.submitWithMinistryAddresses(world)
                let dispatcher = try Self.dispatcher(world, port: port)

                let first = try await dispatcher.runOnce(now: Date())
                let again = try await dispatcher.runOnce(now: Date().addingTimeInterval(3600))

                #expect(first.sent == 1 && first.failed == 0)
                #expect(again.sent == 0 && again.failed == 0)
                #expect(server.messages.count == 1)
                let received = try #require(server.messages.first)
                #expect(received.recipients == ["soc@mlit.example.jp", "duty@mlit.example.jp"])
                let outbox = try await EmailOutbox(database: world.hub.database).list()
                let ministry = try #require(outbox.first { $0.organisationID == world.ministry.id })
                #expect(ministry.state == .sent && ministry.sentAt != nil && ministry.attempts == 1)
                #expect(ministry.recipients == ["soc@mlit.example.jp", "duty@mlit.example.jp"])
                #expect(received.data.contains("Message-ID: <\(ministry.id.uuidString.lowercased())@kakehashi.example.jp>"))
                let body = try #require(received.data.components(separatedBy: "\r\n\r\n").last)
                let text = String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")) ?? Data(), as: UTF8.self)
                #expect(text.contains(incident.lowercased()))
                // The center has no address: its mail waits, visibly, in the outbox.
                let center = try #require(outbox.first { $0.organisationID == world.test.center.id })
                #expect(center.state == .held && center.sentAt == nil)

                let listed = try await world.call(.get, "/api/v1/outbox", as: "center-admin")
                let states = try listed.decode([OutboxMessageResponse].self).map(\.state)
                #expect(Set(states) == ["sent", "held"])
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func aTransientFailureIsRetriedThenGivenUpWithTheLastReply(engine: TestEngine) async throws {
        let server = FakeSMTPServer(.init(dataReply: "451 4.3.0 queue full, try later"))
        try await server.serve { port in
            try await ReportingWorld.run(on: engine) { world in
                _ = try await Self.submitWithMinistryAddresses(world)
                let dispatcher = try Self.dispatcher(world, port: port)
                let outbox = EmailOutbox(database: world.hub.database)

                let first = try await dispatcher.runOnce(now: Date())
                let afterFirst = try #require(try await outbox.list().first { $0.organisationID == world.ministry.id })
                let tooSoon = try await dispatcher.runOnce(now: Date())
                let second = try await dispatcher.runOnce(now: Date().addingTimeInterval(11))
                let afterSecond = try #require(try await outbox.message(id: afterFirst.id))

                #expect(first.failed == 1 && tooSoon.failed == 0 && second.failed == 1)
                #expect(afterFirst.state == .pending && afterFirst.attempts == 1)
                #expect(afterFirst.lastError == "the server answered end of data with 451 4.3.0 queue full, try later")
                #expect(afterSecond.state == .failed && afterSecond.attempts == 2 && afterSecond.sentAt == nil)
                #expect(afterSecond.lastError?.contains("451 4.3.0 queue full") == true)
                #expect(server.connections == 2)
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func aPermanentRefusalIsGivenUpAtOnce(engine: TestEngine) async throws {
        let server = FakeSMTPServer(.init(dataReply: "554 5.7.1 message refused"))
        try await server.serve { port in
            try await ReportingWorld.run(on: engine) { world in
                _ = try await Self.submitWithMinistryAddresses(world)
                let dispatcher = try Self.dispatcher(world, port: port, policy: .standard)

                let result = try await dispatcher.runOnce(now: Date())

                let message = try #require(try await EmailOutbox(database: world.hub.database).list().first { $0.organisationID == world.ministry.id })
                #expect(result.failed == 1)
                #expect(message.state == .failed && message.attempts == 1)
                #expect(message.lastError?.contains("554 5.7.1 message refused") == true)
            }
        }
    }
}
