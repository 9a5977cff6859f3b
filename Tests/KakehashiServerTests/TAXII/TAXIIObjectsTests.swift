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
            #expect(status["status"] as? String == "complete")
            #expect(status["success_count"] as? Int == 1 && status["failure_count"] as? Int == 2 && status["total_count"] as? Int == 3)
            let failures = try #require(status["failures"] as? [[String: Any]])
            #expect((failures[0]["message"] as? String)?.contains("pattern_type") == true, "the reason names the property: \(failures[0])")
            #expect(failures[0]["id"] as? String == broken["id"] as? String)

            let statusID = try #require(status["id"] as? String)
            let (code, again, _) = try await taxii.get(client, "/taxii2/hub/status/\(statusID)/", as: "railway")
            #expect(code == .ok && again["success_count"] as? Int == 1)
            let (otherCode, _, _) = try await taxii.get(client, "/taxii2/hub/status/\(statusID)/", as: "airport")
            #expect(otherCode == .notFound, "a status belongs to the organisation that posted")

            let (_, envelope, _) = try await taxii.get(client, taxii.objectsPath, as: "airport")
            let objects = try #require(envelope["objects"] as? [[String: Any]])
            #expect(objects.count == 1)
            #expect(objects[0]["x_kakehashi_note"] as? String == "custom properties survive")
            #expect(NSDictionary(dictionary: objects[0]).isEqual(to: good), "the object comes back equal in meaning")
        }
    }

    @Test(arguments: TestEngine.allCases) func repostingIsIdempotent(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let objects = (0..<5).map { TAXIIFixture.indicator($0) }
            _ = try await taxii.post(client, as: "railway", objects: objects)
            let again = try await taxii.post(client, as: "center", objects: objects)
            #expect(again["success_count"] as? Int == 5)
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
                let (status, envelope, headers) = try await taxii.get(client, uri, as: "airport")
                #expect(status == .ok)
                pages += 1
                let objects = envelope["objects"] as? [[String: Any]] ?? []
                seen += objects.compactMap { $0["id"] as? String }
                if let first = headers[TAXIIResponse.dateAddedFirst], let lastAdded { #expect(first > lastAdded, "pages move strictly forward") }
                lastAdded = headers[TAXIIResponse.dateAddedLast]
                guard envelope["more"] as? Bool == true, let next = envelope["next"] as? String else { break }
                uri = taxii.objectsPath + "?limit=10&next=\(next)"
            }
            #expect(pages == 3 && seen.count == 25 && Set(seen).count == 25)

            let (_, first, _) = try await taxii.get(client, taxii.objectsPath + "?limit=10", as: "airport")
            let next = try #require(first["next"] as? String)
            let (status, error, _) = try await taxii.get(client, taxii.objectsPath + "?limit=10&match[type]=malware&next=\(next)", as: "airport")
            #expect(status == .badRequest && (error["title"] as? String) == "Invalid next")
        }
    }

    @Test(arguments: TestEngine.allCases) func addedAfterIsStrict(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            _ = try await taxii.post(client, as: "railway", objects: (0..<6).map { TAXIIFixture.indicator($0) })
            let (_, manifest, _) = try await taxii.get(client, taxii.objectsPath.replacingOccurrences(of: "/objects/", with: "/manifest/"), as: "railway")
            let entries = try #require(manifest["objects"] as? [[String: Any]])
            #expect(entries.count == 6 && entries.allSatisfy { $0["media_type"] as? String == TAXIIMediaType.stix })
            let third = try #require(entries[2]["date_added"] as? String)
            let (_, after, _) = try await taxii.get(client, taxii.objectsPath + "?added_after=\(third)", as: "railway")
            #expect((after["objects"] as? [Any])?.count == 3)
            let (status, _, _) = try await taxii.get(client, taxii.objectsPath + "?added_after=yesterday", as: "railway")
            #expect(status == .badRequest)
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
            let (_, latest, _) = try await taxii.get(client, objectPath, as: "airport")
            #expect((latest["objects"] as? [[String: Any]])?.map { $0["modified"] as? String } == [versions[2]])
            let (_, first, _) = try await taxii.get(client, objectPath + "?match[version]=first", as: "airport")
            #expect((first["objects"] as? [[String: Any]])?.map { $0["modified"] as? String } == [versions[0]])
            let (_, all, _) = try await taxii.get(client, objectPath + "?match[version]=all", as: "airport")
            #expect((all["objects"] as? [Any])?.count == 3)
            let (_, exact, _) = try await taxii.get(client, objectPath + "?match[version]=\(versions[1])", as: "airport")
            #expect((exact["objects"] as? [[String: Any]])?.first?["modified"] as? String == versions[1])
            let (_, listed, _) = try await taxii.get(client, objectPath + "versions/", as: "airport")
            #expect(Set(listed["versions"] as? [String] ?? []) == Set(versions))

            let (_, byID, _) = try await taxii.get(client, taxii.objectsPath + "?match[id]=\(id)&match[version]=all", as: "airport")
            #expect((byID["objects"] as? [Any])?.count == 3)
            let (_, encoded, _) = try await taxii.get(client, taxii.objectsPath + "?match%5Bid%5D=\(id)&match%5Bversion%5D=all", as: "airport")
            #expect((encoded["objects"] as? [Any])?.count == 3, "percent-encoded filter names, as clients send them")
            let (_, byType, _) = try await taxii.get(client, taxii.objectsPath + "?match[type]=malware", as: "airport")
            #expect(byType.isEmpty, "no match is an empty envelope")
            let (missing, _, _) = try await taxii.get(client, taxii.objectsPath + "indicator--\(UUID().uuidString.lowercased())/", as: "airport")
            #expect(missing == .notFound)
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
            let (status, _, _) = try await taxii.get(client, taxii.objectsPath + "\(id)/", as: "railway")
            #expect(status == .notFound)
            let actions = try await taxii.base.hub.audit.entries(limit: 10_000).map(\.action)
            #expect(actions.contains("taxii.object.delete") && actions.contains("taxii.objects.write"))
        }
    }

    @Test(arguments: TestEngine.allCases) func badEnvelopesAreRefusedClearly(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            for (body, expected) in [("{not json", "Malformed JSON"), (#"{"objects": 5}"#, "Not an envelope")] {
                try await client.execute(uri: taxii.objectsPath, method: .post, headers: taxii.headers("railway", contentType: true), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest)
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(json?["title"] as? String == expected)
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
