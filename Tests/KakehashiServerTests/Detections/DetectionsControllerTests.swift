import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
import KakehashiHunt
@testable import KakehashiServer
import Testing

/// Detection packs: what a member's sensors load, within what TLP lets it read.
@Suite struct DetectionsControllerTests {
    struct Reply {
        var status: HTTPResponse.Status
        var body: String
        var headers: HTTPFields

        var cursor: String { headers[.init("X-Kakehashi-Cursor")!] ?? "" }
        var untranslatable: String? { headers[.init("X-Kakehashi-Untranslatable")!] }
        func report() throws -> DetectionPack { try JSONDecoder().decode(DetectionPack.self, from: Data(body.utf8)) }
    }

    static func get(_ client: some TestClientProtocol, _ taxii: TAXIIFixture, as who: String, _ query: String) async throws -> Reply {
        let uri = "/api/v1/collections/\(taxii.collection.id.uuidString.lowercased())/detections?\(query)"
        return try await client.execute(uri: uri, method: .get, headers: taxii.headers(who)) { response in
            Reply(status: response.status, body: String(buffer: response.body), headers: response.headers)
        }
    }

    static func indicator(_ n: Int, pattern: String, id: String? = nil, modified: String = "2026-11-20T00:00:00.000Z", markings: [String] = [TLPLevel.green.markingDefinitionID],
                          extra: [String: Any] = [:], extensions: [String: Any]? = nil) -> [String: Any] {
        var object = TAXIIFixture.indicator(n, id: id, modified: modified, markings: markings, extensions: extensions)
        object["pattern"] = pattern
        for (key, value) in extra { object[key] = value }
        return object
    }

    /// GREEN, AMBER and RED (for the airport) addresses, a revoked one, an expired one and one that does not translate.
    static func share(_ taxii: TAXIIFixture, _ client: some TestClientProtocol) async throws -> [String: [String: Any]] {
        let recipients: [String: Any] = [KakehashiRecipientsExtension.definitionID: ["extension_type": "property-extension", "recipients": [taxii.airport.stixIdentityID]]]
        let objects: [String: [String: Any]] = [
            "green": indicator(1, pattern: "[ipv4-addr:value = '203.0.113.1']"),
            "amber": indicator(2, pattern: "[domain-name:value = 'amber.example']", markings: [TLPLevel.amber.markingDefinitionID]),
            "red": indicator(3, pattern: "[ipv4-addr:value = '203.0.113.66']", markings: [TLPLevel.red.markingDefinitionID], extensions: recipients),
            "revoked": indicator(4, pattern: "[ipv4-addr:value = '203.0.113.4']", extra: ["revoked": true]),
            "expired": indicator(5, pattern: "[ipv4-addr:value = '203.0.113.5']", extra: ["valid_until": "2026-11-21T00:00:00Z"]),
            "window": indicator(6, pattern: "[ipv4-addr:value = '203.0.113.6'] REPEATS 5 TIMES"),
            "resolver": indicator(10, pattern: "[ipv4-addr:value = '8.8.8.8' OR ipv4-addr:value = '203.0.113.10']"),
        ]
        let status = try await taxii.post(client, as: "railway", objects: Array(objects.values))
        #expect(status.successCount == objects.count)
        return objects
    }

    @Test(arguments: TestEngine.allCases) func aPackHoldsWhatTheReaderMayReadAndNothingRevokedOrExpired(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let objects = try await Self.share(taxii, client)
            let center = try await Self.get(client, taxii, as: "center", "format=zeek")
            #expect(center.status == .ok)
            #expect(center.body.hasPrefix("#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url\n"))
            #expect(center.body.contains("203.0.113.1\tIntel::ADDR\tkakehashi:transport\t"))
            #expect(center.body.contains("amber.example\tIntel::DOMAIN"))
            #expect(!center.body.contains("203.0.113.66"), "RED for the airport never reaches the center")
            #expect(!center.body.contains("203.0.113.4") && !center.body.contains("203.0.113.5"), "revoked and expired indicators leave")
            #expect(center.untranslatable == "1")

            let airport = try await Self.get(client, taxii, as: "airport", "format=plain")
            #expect(airport.body.split(separator: "\n").sorted() == ["203.0.113.1", "203.0.113.10", "203.0.113.66"], "the named recipient gets RED")

            let report = try await Self.get(client, taxii, as: "center", "format=report").report()
            #expect(report.untranslatable.map(\.indicator) == [objects["window"]!["id"] as! String])
            #expect(report.untranslatable.first?.reason.contains("REPEATS") == true)
            #expect(!report.entries.contains { $0.value == "203.0.113.66" })
            #expect(report.allowlisted?.map(\.value) == ["8.8.8.8"], "a public resolver is never in a pack")
            #expect(report.entries.contains { $0.value == "203.0.113.10" })
            #expect(!center.body.contains("8.8.8.8"))

            #expect(try await Self.get(client, taxii, as: "outsider", "format=zeek").status == .notFound)
            #expect(try await Self.get(client, taxii, as: "center", "format=snort").status == .badRequest)
            #expect(try await Self.get(client, taxii, as: "center", "format=plain&since=1.2").status == .badRequest, "a plain list has no delta")
            #expect(try await Self.get(client, taxii, as: "center", "format=suricata&sid_base=0").status == .badRequest)
            let audits = try await taxii.base.hub.audit.recent(limit: 20, actionPrefix: "collection.detections")
            #expect(audits.count == 3)
        }
    }

    @Test(arguments: TestEngine.allCases) func suricataSIDsAreStablePerOrganisationAndRange(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            _ = try await Self.share(taxii, client)
            func sids(_ reply: Reply) -> [String: String] {
                var map: [String: String] = [:]
                for rule in reply.body.split(separator: "\n") where !rule.hasPrefix("#") {
                    let address = String(rule.split(separator: " ")[2])
                    let sid = rule.range(of: "; sid:").map { String(rule[$0.upperBound...].prefix { $0.isNumber }) } ?? ""
                    map[address] = sid
                }
                return map
            }
            let first = sids(try await Self.get(client, taxii, as: "center", "format=suricata&sid_base=7000000&sid_count=100"))
            #expect(Set(first.values).count == first.count)
            #expect(first["203.0.113.1"].flatMap { Int($0) }.map { (7_000_000..<7_000_100).contains($0) } == true)
            _ = try await taxii.post(client, as: "railway", objects: [Self.indicator(7, pattern: "[ipv4-addr:value = '203.0.113.7']")])
            let second = sids(try await Self.get(client, taxii, as: "center", "format=suricata&sid_base=7000000&sid_count=100"))
            #expect(second.filter { first[$0.key] != nil } == first, "a rule keeps its SID when others are added")
            #expect(second.count == first.count + 1)
            #expect(Set(second.values).count == second.count)
            let defaults = try await Self.get(client, taxii, as: "center", "format=suricata")
            #expect(sids(defaults).values.allSatisfy { (1_000_000..<2_000_000).contains(Int($0) ?? 0) })
        }
    }

    @Test(arguments: TestEngine.allCases) func aDeltaSinceTheCursorSaysWhatToAddAndRemove(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let objects = try await Self.share(taxii, client)
            let full = try await Self.get(client, taxii, as: "center", "format=report")
            let green = objects["green"]!
            let revoked = Self.indicator(1, pattern: green["pattern"] as! String, id: green["id"] as? String, modified: "2026-11-22T00:00:00.000Z", extra: ["revoked": true])
            let added = Self.indicator(8, pattern: "[url:value = 'http://new.example/x']")
            let redLater = Self.indicator(9, pattern: "[ipv4-addr:value = '203.0.113.99']", markings: [TLPLevel.red.markingDefinitionID])
            _ = try await taxii.post(client, as: "railway", objects: [revoked, added, redLater])
            let delta = try await Self.get(client, taxii, as: "center", "format=report&since=\(full.cursor)").report()
            #expect(delta.isDelta)
            #expect(delta.entries.map(\.value) == ["http://new.example/x"])
            #expect(delta.removed.map(\.value) == ["203.0.113.1"])
            let zeek = try await Self.get(client, taxii, as: "center", "format=zeek&since=\(full.cursor)")
            #expect(zeek.body.contains("203.0.113.1\tIntel::ADDR\tkakehashi:transport\t"))
            #expect(zeek.body.contains("\tT\n"))
            #expect(!zeek.body.contains("203.0.113.99"))
            let again = try await Self.get(client, taxii, as: "center", "format=report&since=\(zeek.cursor)").report()
            #expect(again.entries.isEmpty && again.removed.isEmpty, "nothing changed since the last cursor")
        }
    }

    @Test func theBundledAllowlistReadsWithoutAnError() throws {
        let path = try #require(ServerResources.file("detections/allowlist.txt"))
        let list = try DetectionAllowlist(text: try String(contentsOfFile: path, encoding: .utf8), source: path)
        #expect(list.covers(DetectionEntry(indicator: "indicator--x", kind: .address, value: "2606:4700:4700::1111")))
        #expect(DetectionAllowlist.bundled == list)
    }
}
