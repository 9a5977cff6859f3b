import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// The collection stream is pushed: a commit wakes its subscribers, although the tests' safety poll is an
/// hour (``TestHub/testConfiguration``), and each subscriber still reads what TLP lets it see from the
/// database, after its own cursor.
@Suite struct CollectionStreamPushTests {
    /// How long each test stream stays open; less than the keep-alive (15 s), whose turn also reads, so an
    /// event that arrives was woken by its commit.
    static let wait = 12

    /// A subscriber reading the stream as it arrives, over a real connection.
    struct Subscriber {
        private var body: HTTPClientResponse.Body.AsyncIterator
        private(set) var text = ""

        static func open(_ client: some TestClientProtocol, _ taxii: TAXIIFixture, as who: String, lastEventID: String? = nil) async throws -> Subscriber {
            let port = try #require(client.port, "the stream tests serve the app live")
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/collections/\(taxii.collection.id.uuidString.lowercased())/stream?wait=\(wait)")
            request.headers.add(name: "Authorization", value: "Bearer \(taxii.tokens[who]!)")
            if let lastEventID { request.headers.add(name: "Last-Event-ID", value: lastEventID) }
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(wait) + 30))
            #expect(response.status == .ok)
            return Subscriber(body: response.body.makeAsyncIterator())
        }

        /// Reads until `done` holds for what arrived; `false` when the stream closed first.
        mutating func read(until done: (Subscriber) -> Bool) async throws -> Bool {
            while !done(self) {
                guard let chunk = try await body.next() else { return false }
                text += String(buffer: chunk)
            }
            return true
        }

        /// Reads until the stream has sent its backlog (the `retry:` field follows it).
        mutating func catchUp() async throws -> Bool {
            try await read { $0.text.contains("retry: ") }
        }

        /// Reads until the object `id` arrives.
        mutating func receive(_ id: String?) async throws -> Bool {
            try await read { subscriber in subscriber.events.contains { $0.objectID == id } }
        }

        /// The events so far: their ids and the ids of the objects they carry.
        var events: [(id: String, objectID: String)] {
            text.components(separatedBy: "\n\n").filter { $0.contains("event: stix-object") }.compactMap { block in
                let lines = block.split(separator: "\n")
                guard let id = lines.first(where: { $0.hasPrefix("id: ") }), let data = lines.first(where: { $0.hasPrefix("data: ") }),
                      let object = try? decode(JSONValue.self, from: Data(data.dropFirst(6).utf8)), let objectID = object["id"]?.stringValue else { return nil }
                return (String(id.dropFirst(4)), objectID)
            }
        }

        /// The events sent before the stream caught up.
        var backlog: [(id: String, objectID: String)] {
            guard let range = text.range(of: "retry: ") else { return events }
            return Subscriber(body: body, text: String(text[..<range.lowerBound])).events
        }
    }

    @Test(arguments: TestEngine.allCases) func aPostReachesAWaitingSubscriberAndShowsInTheMetrics(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine, setup: .live) { taxii, client in
            var center = try await Subscriber.open(client, taxii, as: "center")
            #expect(try await center.catchUp())
            #expect(center.events.isEmpty, "without an id the stream starts from now")

            let indicator = TAXIIFixture.indicator(1, markings: [TLPLevel.green.markingDefinitionID])
            _ = try await taxii.post(client, as: "railway", objects: [indicator])
            #expect(try await center.receive(indicator["id"] as? String), "the commit wakes the subscriber")

            let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            let collection = taxii.collection.id.uuidString.lowercased()
            #expect(metrics.contains(#"kakehashi_stream_subscribers{collection="\#(collection)"} 1"#))
            #expect(metrics.contains("kakehashi_stream_delivery_lag_seconds_count 1"))
        }
    }

    @Test(arguments: TestEngine.allCases) func aREDObjectNeverReachesAnotherOrganisationsSubscriber(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine, setup: .live) { taxii, client in
            var center = try await Subscriber.open(client, taxii, as: "center")
            var airport = try await Subscriber.open(client, taxii, as: "airport")
            #expect(try await center.catchUp())
            #expect(try await airport.catchUp())

            let recipients: [String: Any] = [KakehashiRecipientsExtension.definitionID: ["extension_type": "property-extension", "recipients": [taxii.airport.stixIdentityID]]]
            let red = TAXIIFixture.indicator(8, markings: [TLPLevel.red.markingDefinitionID], extensions: recipients)
            let green = TAXIIFixture.indicator(9, markings: [TLPLevel.green.markingDefinitionID])
            _ = try await taxii.post(client, as: "railway", objects: [red])
            _ = try await taxii.post(client, as: "railway", objects: [green])

            #expect(try await airport.receive(green["id"] as? String))
            #expect(airport.events.map(\.objectID) == [red["id"] as? String, green["id"] as? String], "the named organisation gets RED")
            #expect(try await center.receive(green["id"] as? String))
            #expect(center.events.map(\.objectID) == [green["id"] as? String], "RED does not reach an organisation it does not name")
        }
    }

    @Test(arguments: TestEngine.allCases) func aSubscriberResumesWithLastEventIDAndMissesNothing(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine, setup: .live) { taxii, client in
            let first = TAXIIFixture.indicator(1, markings: [TLPLevel.green.markingDefinitionID])
            let missed = TAXIIFixture.indicator(2, markings: [TLPLevel.green.markingDefinitionID])
            var before = try await Subscriber.open(client, taxii, as: "center")
            #expect(try await before.catchUp())
            _ = try await taxii.post(client, as: "railway", objects: [first])
            #expect(try await before.receive(first["id"] as? String))
            let last = try #require(before.events.last?.id)

            // Disconnected while this is posted; the reconnection names the last event it saw.
            _ = try await taxii.post(client, as: "railway", objects: [missed])
            var after = try await Subscriber.open(client, taxii, as: "center", lastEventID: last)
            #expect(try await after.catchUp())
            #expect(after.backlog.map(\.objectID) == [missed["id"] as? String], "what was posted while away comes first, and only that")
        }
    }

    @Test func aPostThroughOneHubProcessWakesASubscriberOfAnotherOnPostgreSQL() async throws {
        try await TAXIIFixture.run(on: .postgres, setup: .live) { taxii, client in
            // A second hub on its own connections to the same database, as a second process has.
            let database = try await HubDatabase.open(taxii.base.hub.database.location, logger: TestHub.logger)
            do {
                let other = Hub(configuration: TestHub.testConfiguration, database: database, logger: TestHub.logger)
                let app = Application(router: try await buildRouter(hub: other), logger: TestHub.logger)
                var center = try await Subscriber.open(client, taxii, as: "center")
                #expect(try await center.catchUp())
                // Posted once this hub listens, so that only the notification can bring it.
                for _ in 0..<300 where !taxii.base.hub.commits.isListening {
                    try await Task.sleep(for: .milliseconds(100))
                }
                try #require(taxii.base.hub.commits.isListening)

                let id = try await app.test(.router) { otherClient in
                    let indicator = TAXIIFixture.indicator(1, markings: [TLPLevel.green.markingDefinitionID])
                    _ = try await taxii.post(otherClient, as: "railway", objects: [indicator])
                    return indicator["id"] as? String
                }
                #expect(try await center.receive(id), "the other hub's commit reaches this hub's subscriber")
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        }
    }
}
