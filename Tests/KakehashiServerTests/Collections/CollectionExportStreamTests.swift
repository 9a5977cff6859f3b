import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

/// TLP on the paths that leave the hub or push to readers: exports and the live stream.
@Suite struct CollectionExportStreamTests {
    /// Shares one object per label from the railway (RED names the airport), plus an unmarked one.
    static func shareEveryLabel(_ taxii: TAXIIFixture, _ client: some TestClientProtocol) async throws -> [String: String] {
        let recipients: [String: Any] = [KakehashiRecipientsExtension.definitionID: ["extension_type": "property-extension", "recipients": [taxii.airport.stixIdentityID]]]
        var objects: [[String: Any]] = []
        var ids: [String: String] = [:]
        for (n, level) in [TLPLevel.clear, .green, .amber, .amberStrict].enumerated() {
            let object = TAXIIFixture.indicator(n, markings: [level.markingDefinitionID])
            ids[level.rawValue] = object["id"] as? String
            objects.append(object)
        }
        let red = TAXIIFixture.indicator(8, markings: [TLPLevel.red.markingDefinitionID], extensions: recipients)
        let unmarked = TAXIIFixture.indicator(9)
        ids["red"] = red["id"] as? String
        ids["unmarked"] = unmarked["id"] as? String
        let status = try await taxii.post(client, as: "railway", objects: objects + [red, unmarked])
        #expect(status.successCount == 6)
        return ids
    }

    /// Exports the collection for `audience`: the status, the bundle's objects (none when refused) and
    /// the withheld count.
    static func export(_ client: some TestClientProtocol, _ taxii: TAXIIFixture, audience: String, headers: HTTPFields) async throws -> (HTTPResponse.Status, [JSONValue], String?) {
        let uri = "/api/v1/collections/\(taxii.collection.id.uuidString.lowercased())/export?audience=\(audience)"
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            let objects = try decode(TAXIIEnvelope.self, from: response).objects ?? []
            return (response.status, objects, response.headers[.init("X-Kakehashi-Withheld")!])
        }
    }

    @Test(arguments: TestEngine.allCases) func eachExportAudienceGetsOnlyWhatTLPLetsLeave(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let ids = try await Self.shareEveryLabel(taxii, client)
            let (status, airport, _) = try await Self.export(client, taxii, audience: "community", headers: taxii.headers("airport"))
            #expect(status == .ok)
            #expect(Set(airport.compactMap { $0["id"]?.stringValue }) == Set(ids.values), "a named reader gets everything, RED included")
            let unmarked = try #require(airport.first { $0["id"]?.stringValue == ids["unmarked"] })
            #expect(unmarked["object_marking_refs"]?.arrayValue?.map(\.stringValue) == [TLPLevel.amber.markingDefinitionID], "the collection default travels with it")
            #expect(unmarked["x_kakehashi_note"]?.stringValue == "custom properties survive")

            let (_, center, _) = try await Self.export(client, taxii, audience: "community", headers: taxii.headers("center"))
            #expect(!center.contains { $0["id"]?.stringValue == ids["red"] }, "RED does not reach an organisation it does not name")
            #expect(center.count == 5)

            let admin = try await taxii.base.signIn(client, as: "center-admin")
            let (peerStatus, peer, withheld) = try await Self.export(client, taxii, audience: "peer-hub", headers: admin.headers)
            #expect(peerStatus == .ok)
            #expect(Set(peer.compactMap { $0["id"]?.stringValue }) == [ids["clear"]!, ids["green"]!])
            #expect(withheld == "3", "AMBER, AMBER+STRICT and the unmarked AMBER stay home")
            let (_, publicFeed, _) = try await Self.export(client, taxii, audience: "public", headers: admin.headers)
            #expect(publicFeed.compactMap { $0["id"]?.stringValue } == [ids["clear"]!])

            let (forbidden, _, _) = try await Self.export(client, taxii, audience: "public", headers: taxii.headers("airport"))
            #expect(forbidden == .forbidden, "an analyst may not feed the public")
            let (missing, _, _) = try await Self.export(client, taxii, audience: "community", headers: taxii.headers("outsider"))
            #expect(missing == .notFound)
            let (bad, _, _) = try await Self.export(client, taxii, audience: "everyone", headers: taxii.headers("airport"))
            #expect(bad == .badRequest)

            let audits = try await taxii.base.hub.audit.recent(limit: 20, actionPrefix: "collection.export")
            #expect(audits.count == 4)
            #expect(audits.contains { $0.details.contains("\"withheld.amber\":\"2\"") && $0.details.contains("peer-hub") })
        }
    }

    static func events(_ client: some TestClientProtocol, _ taxii: TAXIIFixture, as who: String, lastEventID: String?) async throws -> [(id: String, object: JSONValue)] {
        var headers = taxii.headers(who)
        if let lastEventID { headers[.init("Last-Event-ID")!] = lastEventID }
        let uri = "/api/v1/collections/\(taxii.collection.id.uuidString.lowercased())/stream?wait=0"
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            var events: [(String, JSONValue)] = []
            for block in String(buffer: response.body).components(separatedBy: "\n\n") where block.contains("event: stix-object") {
                let lines = block.split(separator: "\n")
                let id = lines.first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) } ?? ""
                let data = lines.first { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) } ?? ""
                let object = try decode(JSONValue.self, from: Data(data.utf8))
                try #require(object.objectValue != nil, "each event carries one STIX object")
                events.append((id, object))
            }
            return events
        }
    }

    @Test(arguments: TestEngine.allCases) func theStreamSendsWhatTheReaderMaySeeAndResumesAfterTheLastEvent(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let ids = try await Self.shareEveryLabel(taxii, client)
            let center = try await Self.events(client, taxii, as: "center", lastEventID: "0")
            #expect(center.count == 5)
            #expect(!center.contains { $0.object["id"]?.stringValue == ids["red"] })
            let airport = try await Self.events(client, taxii, as: "airport", lastEventID: "0")
            #expect(airport.count == 6)
            let last = try #require(center.last?.id)
            #expect(try await Self.events(client, taxii, as: "center", lastEventID: last).isEmpty, "nothing new since the last event")
            #expect(try await Self.events(client, taxii, as: "center", lastEventID: nil).isEmpty, "without an id the stream starts from now")

            let later = TAXIIFixture.indicator(42, markings: [TLPLevel.green.markingDefinitionID])
            _ = try await taxii.post(client, as: "railway", objects: [later])
            let resumed = try await Self.events(client, taxii, as: "center", lastEventID: last)
            #expect(resumed.map { $0.object["id"]?.stringValue } == [later["id"] as? String])

            let outsider = try await client.execute(uri: "/api/v1/collections/\(taxii.collection.id.uuidString.lowercased())/stream?wait=0", method: .get, headers: taxii.headers("outsider")) { $0.status }
            #expect(outsider == .notFound)
            let reads = try await taxii.base.hub.audit.recent(limit: 50, actionPrefix: "collection.stream.read")
            #expect(reads.count == 3, "each delivered batch is audited")
        }
    }
}
