import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Logging
import Testing

/// A local endpoint that records what it receives and fails the first `failures` calls.
actor WebhookReceiver {
    struct Call: Sendable {
        let signature: String?
        let timestamp: String?
        let event: String?
        let body: Data
    }

    private(set) var calls: [Call] = []
    private var failures: Int

    init(failures: Int) {
        self.failures = failures
    }

    /// Records a call; answers whether to fail it.
    func record(_ call: Call) -> Bool {
        calls.append(call)
        guard failures > 0 else { return false }
        failures -= 1
        return true
    }

    /// Serves the receiver on 127.0.0.1 and runs `body` with its port.
    func serve(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let headers = request.headers
            let call = Call(signature: headers[HTTPField.Name(WebhookSigner.signatureHeader)!], timestamp: headers[HTTPField.Name(WebhookSigner.timestampHeader)!],
                            event: headers[HTTPField.Name(WebhookSigner.eventHeader)!], body: Data(buffer: bytes))
            return await self.record(call) ? .internalServerError : .noContent
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestHub.logger)
        try await app.test(.live) { client in
            try await body(try #require(client.port))
        }
    }
}

@Suite struct WebhookDeliveryTests {
    @Test func theSignatureIsHMACSHA256OfTheRawBody() {
        // RFC 4231, test case 2.
        let signature = WebhookSigner.signature(of: Data("what do ya want for nothing?".utf8), secret: "Jefe")
        #expect(signature == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(WebhookSigner.verify(signature, body: Data("what do ya want for nothing?".utf8), secret: "Jefe"))
        #expect(!WebhookSigner.verify(signature, body: Data("what do ya want for nothing!".utf8), secret: "Jefe"))
    }

    @Test func backoffDoublesUpToTheCapThenGivesUp() {
        let policy = RetryPolicy(initialDelay: 30, maximumDelay: 100, maximumAttempts: 4)
        let now = Date(timeIntervalSince1970: 0)
        #expect(policy.retryTime(afterAttempt: 1, now: now) == Date(timeIntervalSince1970: 30))
        #expect(policy.retryTime(afterAttempt: 2, now: now) == Date(timeIntervalSince1970: 60))
        #expect(policy.retryTime(afterAttempt: 3, now: now) == Date(timeIntervalSince1970: 100))
        #expect(policy.retryTime(afterAttempt: 4, now: now) == nil)
    }

    @Test(arguments: TestEngine.allCases) func aDeliveryIsSignedRetriedAndLogged(engine: TestEngine) async throws {
        let receiver = WebhookReceiver(failures: 1)
        try await receiver.serve { port in
            try await ReportingWorld.run(on: engine) { world in
                let secret = "a-secret-of-enough-length"
                let created = try await world.call(.post, "/api/v1/webhooks", as: "mlit-admin", json: ["url": "http://127.0.0.1:\(port)/hook", "secret": secret])
                #expect(created.status == .created)
                let endpoint = try created.decode(Created.self).id
                let id = try await world.createIncident()
                _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
                let dispatcher = WebhookDispatcher(database: world.hub.database, outbound: world.hub.configuration.outbound, policy: RetryPolicy(initialDelay: 10, maximumDelay: 60, maximumAttempts: 3), logger: TestHub.logger)

                let first = try await dispatcher.runOnce(now: Date())
                let tooSoon = try await dispatcher.runOnce(now: Date())
                let later = try await dispatcher.runOnce(now: Date().addingTimeInterval(11))

                #expect(first.failed == 1 && first.delivered == 0)
                #expect(tooSoon.failed == 0 && tooSoon.delivered == 0)
                #expect(later.delivered == 1)
                let calls = await receiver.calls
                #expect(calls.count == 2)
                for call in calls {
                    #expect(WebhookSigner.verify(try #require(call.signature), timestamp: try #require(call.timestamp), body: call.body, secret: secret))
                    #expect(!WebhookSigner.verify(try #require(call.signature), timestamp: "0", body: call.body, secret: secret), "the timestamp is signed")
                    #expect(call.timestamp.flatMap(Int.init) != nil)
                    #expect(call.event == "incident.delivered")
                }
                let last = try #require(calls.last)
                #expect(try decode(WebhookPayload.self, from: last.body).incidentID == id.uppercased())
                #expect(try decode([String: Opaque].self, from: last.body)["narrative"] == nil, "the payload does not carry the narrative")
                let log = try await world.call(.get, "/api/v1/webhooks/\(endpoint)/deliveries", as: "mlit-admin")
                let attempt = try #require(try log.decode([WebhookAttemptResponse].self).first)
                #expect(attempt.state == "delivered")
                #expect(attempt.attempts == 2)
                let foreign = try await world.call(.get, "/api/v1/webhooks/\(endpoint)/deliveries", as: "rail-admin")
                #expect(foreign.status == .notFound)
                #expect(!(try await world.auditActions().isEmpty))
                let entries = try await world.hub.audit.entries()
                #expect(!entries.contains { $0.details.contains(secret) })
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func hubAdministratorsReadTheOutbox(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let id = try await world.createIncident()
            _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])

            let outbox = try await world.call(.get, "/api/v1/outbox?unsent=true", as: "center-admin")
            let denied = try await world.call(.get, "/api/v1/outbox", as: "rail-admin")

            let messages = try outbox.decode([OutboxMessageResponse].self)
            #expect(Set(messages.map(\.organisationID)) == [world.ministry.id.uuidString, world.test.center.id.uuidString])
            #expect(messages.allSatisfy { $0.body.contains(id.lowercased()) })
            #expect(denied.status == .forbidden)
        }
    }
}
