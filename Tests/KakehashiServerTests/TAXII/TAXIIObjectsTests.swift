import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct TAXIIObjectsTests {
    @Test(arguments: TestEngine.allCases) func mixedEnvelopeStoresTheValidAndNamesTheInvalid(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            var broken = TAXIIFixture.indicator(2)
            broken["pattern_type"] = nil
            let good = TAXIIFixture.indicator(1)
            let status = try await taxii.post(client, as: "railway", objects: [good, broken, ["type": "nonsense"]])
            #expect(status.status == "complete")
            #expect(status.successCount == 1 && status.failureCount == 2 && status.totalCount == 3)
            let failures = try #require(status.failures)
            #expect(failures[0].message?.contains("pattern_type") == true, "the reason names the property: \(failures[0])")
            #expect(failures[0].id == broken["id"] as? String)

            let again = try await taxii.get(client, "/taxii2/hub/status/\(status.id)/", as: "railway")
            #expect(try again.status == .ok && again.decode(TAXIIStatusResource.self).successCount == 1)
            let other = try await taxii.get(client, "/taxii2/hub/status/\(status.id)/", as: "airport")
            #expect(other.status == .notFound, "a status belongs to the organisation that posted")

            let envelope = try await taxii.get(client, taxii.objectsPath, as: "airport").decode(TAXIIEnvelope.self)
            let objects = try #require(envelope.objects)
            #expect(objects.count == 1)
            #expect(objects[0]["x_kakehashi_note"]?.stringValue == "custom properties survive")
            let posted = try decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: good))
            #expect(objects[0] == posted, "the object comes back equal in meaning")
        }
    }

    @Test(arguments: TestEngine.allCases) func repostingIsIdempotent(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let objects = (0..<5).map { TAXIIFixture.indicator($0) }
            _ = try await taxii.post(client, as: "railway", objects: objects)
            let again = try await taxii.post(client, as: "center", objects: objects)
            #expect(again.successCount == 5)
            #expect(try await taxii.base.hub.objects.count(in: taxii.collection.id) == 5)
        }
    }

    @Test(arguments: TestEngine.allCases) func pagingFollowsNextAndBindsItToTheQuery(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            _ = try await taxii.post(client, as: "railway", objects: (0..<25).map { TAXIIFixture.indicator($0) })
            var seen: [String] = []
            var uri = taxii.objectsPath + "?limit=10"
            var pages = 0
            var lastAdded: String?
            while true {
                let page = try await taxii.get(client, uri, as: "airport")
                #expect(page.status == .ok)
                pages += 1
                let envelope = try page.decode(TAXIIEnvelope.self)
                seen += envelope.ids
                if let first = page.headers[TAXIIResponse.dateAddedFirst], let lastAdded { #expect(first > lastAdded, "pages move strictly forward") }
                lastAdded = page.headers[TAXIIResponse.dateAddedLast]
                guard envelope.more == true, let next = envelope.next else { break }
                uri = taxii.objectsPath + "?limit=10&next=\(next)"
            }
            #expect(pages == 3 && seen.count == 25 && Set(seen).count == 25)

            let first = try await taxii.get(client, taxii.objectsPath + "?limit=10", as: "airport").decode(TAXIIEnvelope.self)
            let next = try #require(first.next)
            let refused = try await taxii.get(client, taxii.objectsPath + "?limit=10&match[type]=malware&next=\(next)", as: "airport")
            #expect(try refused.status == .badRequest && refused.decode(TAXIIErrorMessage.self).title == "Invalid next")
        }
    }

    @Test(arguments: TestEngine.allCases) func addedAfterIsStrict(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            _ = try await taxii.post(client, as: "railway", objects: (0..<6).map { TAXIIFixture.indicator($0) })
            let manifest = try await taxii.get(client, taxii.objectsPath.replacingOccurrences(of: "/objects/", with: "/manifest/"), as: "railway").decode(TAXIIManifest.self)
            let entries = try #require(manifest.objects)
            #expect(entries.count == 6 && entries.allSatisfy { $0.mediaType == TAXIIMediaType.stix })
            let third = entries[2].dateAdded
            let after = try await taxii.get(client, taxii.objectsPath + "?added_after=\(third)", as: "railway").decode(TAXIIEnvelope.self)
            #expect(after.objects?.count == 3)
            let refused = try await taxii.get(client, taxii.objectsPath + "?added_after=yesterday", as: "railway")
            #expect(refused.status == .badRequest)
        }
    }

    @Test(arguments: TestEngine.allCases) func versionsAndMatchFilters(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let versions = ["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z", "2026-11-22T00:00:00.000Z"]
            // Posted newest first: "last" must follow the version, not the order of arrival.
            _ = try await taxii.post(client, as: "railway", objects: versions.reversed().map { TAXIIFixture.indicator(7, id: id, modified: $0) })
            _ = try await taxii.post(client, as: "railway", objects: [TAXIIFixture.indicator(8)])

            let objectPath = taxii.objectsPath + "\(id)/"
            let latest = try await taxii.get(client, objectPath, as: "airport").decode(TAXIIEnvelope.self)
            #expect(latest.objects?.map { $0["modified"]?.stringValue } == [versions[2]])
            let first = try await taxii.get(client, objectPath + "?match[version]=first", as: "airport").decode(TAXIIEnvelope.self)
            #expect(first.objects?.map { $0["modified"]?.stringValue } == [versions[0]])
            let all = try await taxii.get(client, objectPath + "?match[version]=all", as: "airport").decode(TAXIIEnvelope.self)
            #expect(all.objects?.count == 3)
            let exact = try await taxii.get(client, objectPath + "?match[version]=\(versions[1])", as: "airport").decode(TAXIIEnvelope.self)
            #expect(exact.objects?.first?["modified"]?.stringValue == versions[1])
            let listed = try await taxii.get(client, objectPath + "versions/", as: "airport").decode(TAXIIVersions.self)
            #expect(Set(listed.versions ?? []) == Set(versions))

            let byID = try await taxii.get(client, taxii.objectsPath + "?match[id]=\(id)&match[version]=all", as: "airport").decode(TAXIIEnvelope.self)
            #expect(byID.objects?.count == 3)
            let encoded = try await taxii.get(client, taxii.objectsPath + "?match%5Bid%5D=\(id)&match%5Bversion%5D=all", as: "airport").decode(TAXIIEnvelope.self)
            #expect(encoded.objects?.count == 3, "percent-encoded filter names, as clients send them")
            let byType = try await taxii.get(client, taxii.objectsPath + "?match[type]=malware", as: "airport")
            #expect(try byType.memberNames().isEmpty, "no match is an empty envelope")
            let missing = try await taxii.get(client, taxii.objectsPath + "indicator--\(UUID().uuidString.lowercased())/", as: "airport")
            #expect(missing.status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func writersAndReadersAreChecked(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let body = try JSONSerialization.data(withJSONObject: ["objects": [TAXIIFixture.indicator(1)]])
            try await client.execute(uri: taxii.objectsPath, method: .post, headers: taxii.headers("airport", contentType: true), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .forbidden, "the airport reads but may not write")
            }
            try await client.execute(uri: taxii.objectsPath, method: .post, headers: taxii.headers("outsider", contentType: true), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .notFound, "an outsider does not learn that the collection exists")
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func deleteIsForTheProducer(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let object = TAXIIFixture.indicator(3)
            let id = object["id"] as! String
            _ = try await taxii.post(client, as: "railway", objects: [object])
            try await client.execute(uri: taxii.objectsPath + "\(id)/", method: .delete, headers: taxii.headers("center")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: taxii.objectsPath + "\(id)/", method: .delete, headers: taxii.headers("railway")) { #expect($0.status == .ok) }
            let deleted = try await taxii.get(client, taxii.objectsPath + "\(id)/", as: "railway")
            #expect(deleted.status == .notFound)
            let actions = try await taxii.base.hub.audit.entries(limit: 10_000).map(\.action)
            #expect(actions.contains("taxii.object.delete") && actions.contains("taxii.objects.write"))
        }
    }

    @Test(arguments: TestEngine.allCases) func badEnvelopesAreRefusedClearly(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            for (body, expected) in [("{not json", "Malformed JSON"), (#"{"objects": 5}"#, "Not an envelope")] {
                try await client.execute(uri: taxii.objectsPath, method: .post, headers: taxii.headers("railway", contentType: true), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest)
                    let message = try decode(TAXIIErrorMessage.self, from: response)
                    #expect(message.title == expected)
                }
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: " "), count: HubLimits.maxBodyBytes + 1)
            try await client.execute(uri: taxii.objectsPath, method: .post, headers: taxii.headers("railway", contentType: true), body: huge) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == TAXIIMediaType.taxii)
            }
        }
    }
}
