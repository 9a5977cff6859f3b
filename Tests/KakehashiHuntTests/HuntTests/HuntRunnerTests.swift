import Foundation
import Testing
@testable import KakehashiHunt
import KakehashiPrimitives

@Suite("Hunt runner and sightings")
struct HuntRunnerTests {
    static let logs = ["conn.log", "dns.log", "http.log", "files.log", "ssl.log"].map(LogReaderFixtures.path)

    static func hunt(_ logs: [String] = logs, out: String? = nil) async throws -> HuntSummary {
        let options = HuntOptions(indicatorsPath: LogReaderFixtures.path("intel-bundle.json"), logPaths: logs, outputPath: out)
        return try await HuntRunner.run(options: options)
    }

    static func objects(_ bundle: JSONValue) -> [[String: JSONValue]] {
        guard case .object(let b) = bundle, case .array(let items)? = b["objects"] else { return [] }
        return items.compactMap { if case .object(let o) = $0 { o } else { nil } }
    }

    static func sighting(of id: String, in bundle: JSONValue) -> [String: JSONValue]? {
        objects(bundle).first { $0["type"] == .string("sighting") && $0["sighting_of_ref"] == .string(id) }
    }

    @Test("indicators: invalid and non-STIX skipped with their ids, process-only counted as unmatchable")
    func skipped() async throws {
        let s = try await Self.hunt()

        #expect(s.indicatorsRead == 10)
        #expect(s.indicatorsIndexed == 7)
        #expect(s.unmatchableIndicators == 1)
        let ids = s.skippedIndicators.map(\.id)
        #expect(ids == ["indicator--a1b2c3d4-0007-4a5b-8c6d-7e8f9a0b1c2d", "indicator--a1b2c3d4-0008-4a5b-8c6d-7e8f9a0b1c2d"])
        #expect(s.skippedIndicators[0].reason.contains("invalid pattern"))
        #expect(s.skippedIndicators[1].reason.contains("yara"))
        #expect(s.malformedCount == 2)
    }

    @Test("sightings reference matched indicators with count and first/last seen")
    func sightings() async throws {
        let s = try await Self.hunt()
        let bundle = s.bundle

        let c2 = try #require(Self.sighting(of: "indicator--a1b2c3d4-0001-4a5b-8c6d-7e8f9a0b1c2d", in: bundle))
        // conn (1), dns answer (1), ssl (1): three events carry 198.51.100.23.
        #expect(c2["count"] == .int(3))
        #expect(c2["first_seen"] == .string("2025-11-20T09:00:01.102Z"))
        #expect(c2["last_seen"] == .string("2025-11-20T09:00:02.250Z"))
        let staging = try #require(Self.sighting(of: "indicator--a1b2c3d4-0002-4a5b-8c6d-7e8f9a0b1c2d", in: bundle))
        #expect(staging["count"] == .int(2)) // conn and http to 203.0.113.77:8080
        let family = try #require(Self.sighting(of: "indicator--a1b2c3d4-0003-4a5b-8c6d-7e8f9a0b1c2d", in: bundle))
        #expect(family["count"] == .int(3)) // dns, http host, ssl SNI
        #expect(Self.sighting(of: "indicator--a1b2c3d4-0004-4a5b-8c6d-7e8f9a0b1c2d", in: bundle)?["count"] == .int(1))
        #expect(Self.sighting(of: "indicator--a1b2c3d4-0005-4a5b-8c6d-7e8f9a0b1c2d", in: bundle)?["count"] == .int(1))
        #expect(Self.sighting(of: "indicator--a1b2c3d4-0006-4a5b-8c6d-7e8f9a0b1c2d", in: bundle) == nil)
        #expect(Self.sighting(of: "indicator--a1b2c3d4-0010-4a5b-8c6d-7e8f9a0b1c2d", in: bundle) == nil)
    }

    @Test("observed-data and SCOs are in the bundle, SCO ids follow STIX 2.1 deterministic ids")
    func observedData() async throws {
        let bundle = try await Self.hunt().bundle
        let objects = Self.objects(bundle)
        let ids = Set(objects.compactMap { $0["id"]?.stringValue })

        for sighting in objects where sighting["type"] == .string("sighting") {
            guard case .array(let refs)? = sighting["observed_data_refs"] else { Issue.record("no observed_data_refs"); continue }
            for ref in refs { #expect(ids.contains(ref.stringValue ?? "")) }
        }
        for observed in objects where observed["type"] == .string("observed-data") {
            guard case .array(let refs)? = observed["object_refs"] else { Issue.record("no object_refs"); continue }
            for ref in refs { #expect(ids.contains(ref.stringValue ?? "")) }
        }
        // Expected ids computed with the OASIS `stix2` Python library.
        #expect(ids.contains("ipv4-addr--cec0294c-86c8-52cc-8448-ba43593736df"))
        #expect(ids.contains("domain-name--159db949-2cfb-5ac0-b3ed-b864142c011d"))
        #expect(ids.contains("file--32599a9d-fa78-59dc-ae71-88bf2c596e1a"))
    }

    @Test("re-running gives the same bundle, written to --out")
    func deterministic() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hunt-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }

        let first = try await Self.hunt(out: out)
        let second = try await Self.hunt()

        #expect(first.bundle == second.bundle)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written == first.bundle.prettySerialized() + "\n")
    }

    @Test("gzip and JSON variants of the logs find the same C2 sightings")
    func variants() async throws {
        let s = try await Self.hunt(["conn.log.gz", "conn.json.log", "eve.json"].map(LogReaderFixtures.path))

        let c2 = try #require(Self.sighting(of: "indicator--a1b2c3d4-0001-4a5b-8c6d-7e8f9a0b1c2d", in: s.bundle))
        // gzip conn (1) + JSON conn (1) + EVE flow, dns answer, tls (3).
        #expect(c2["count"] == .int(5))
    }

    @Test("a missing log file is an error naming it")
    func missingLog() async {
        await #expect(throws: LogReadError.unreadable(path: "/nonexistent.log", reason: "no such file or directory")) {
            _ = try await Self.hunt(["/nonexistent.log"])
        }
    }

    @Test("a corrupt indicators file is an error naming it")
    func badIndicators() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json").path
        try Data(#"{"type":"bundle","objects":[{"type":"indicator",}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        await #expect(throws: IndicatorFileError.self) {
            _ = try await HuntRunner.run(options: HuntOptions(indicatorsPath: path, logPaths: Self.logs))
        }
    }
}
