import ArgumentParser
import Foundation
import KakehashiHunt
import KakehashiServer
@testable import kakehashi
import Testing

/// `kakehashi detections pull` against a hub that answers with packs built by the hub's own builder.
@Suite struct DetectionsCommandTests {
    /// Answers the puller's requests in turn, and keeps the queries it was asked.
    final class FakeHub: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [DetectionPack]
        private(set) var queries: [String] = []

        init(_ answers: [DetectionPack]) { self.answers = answers }

        func answer(_ query: String) throws -> String {
            lock.lock(); defer { lock.unlock() }
            queries.append(query)
            let pack = answers.removeFirst()
            return DetectionPackWriter.render(pack, format: .report)
        }
    }

    static let day: Int64 = 86_400_000_000
    static let now: Int64 = 1_790_000_000_000_000

    static func indicators(revokeC2: Bool = false) -> [DetectionIndicator] {
        [DetectionIndicator(id: "indicator--c2", name: "C2", pattern: "[ipv4-addr:value = '203.0.113.9']", revoked: revokeC2),
         DetectionIndicator(id: "indicator--resolver", name: "resolver seen in phishing", pattern: "[ipv4-addr:value = '8.8.8.8']"),
         DetectionIndicator(id: "indicator--phish", pattern: "[domain-name:value = 'login.evil.example']"),
         DetectionIndicator(id: "indicator--hash", pattern: "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']")]
    }

    /// A report as the hub would send it: SIDs from the base for rule-capable entries.
    static func report(_ pack: DetectionPack) -> DetectionPack {
        let keys = (pack.entries + pack.removed).map(\.key).sorted()
        return pack.assigning(sids: Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int64(9_000_000 + $0)) }))
    }

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-detections-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func command(_ out: String, _ extra: [String] = []) throws -> DetectionsCommand.Pull {
        try parse(["detections", "pull", "--hub", "https://hub.example", "--collection", "c", "--token-file", "/dev/null", "--out", out,
                   "--format", "zeek,suricata,plain", "--sid-base", "9000000", "--reload", "touch reloaded"] + extra)
    }

    @Test func pullsWriteFilesKeepTheCursorAndReloadOnlyOnChange() async throws {
        let out = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let allowlist = (out as NSString).appendingPathComponent("allow.txt")
        try "8.8.8.8 # our resolver\n".write(toFile: allowlist, atomically: true, encoding: .utf8)
        let first = DetectionCursor(dateAdded: 10, asOf: Self.now)
        let second = DetectionCursor(dateAdded: 10, asOf: Self.now + 1)
        let third = DetectionCursor(dateAdded: 20, asOf: Self.now + 2)
        let hub = FakeHub([
            Self.report(DetectionPackBuilder.full(Self.indicators(), format: .report, cursor: first)),
            Self.report(DetectionPackBuilder.delta(current: Self.indicators(), changed: [], previous: [:], format: .report, since: first, cursor: second)),
            Self.report(DetectionPackBuilder.delta(current: Self.indicators(revokeC2: true), changed: ["indicator--c2"], previous: ["indicator--c2": Self.indicators()[0]],
                                                   format: .report, since: second, cursor: third)),
        ])
        let command = try Self.command(out, ["--allowlist", allowlist])
        var lines: [String] = []
        let marker = (out as NSString).appendingPathComponent("reloaded")

        let full = try await command.perform(fetch: { try hub.answer($0) }, output: { lines.append($0) })
        #expect(hub.queries[0] == "format=report&sid_base=9000000&sid_count=1000000")
        #expect(!full.outcome.delta && full.reloaded)
        #expect(full.outcome.allowlisted.map(\.value) == ["8.8.8.8"])
        #expect(lines.contains { $0.contains("allowlisted, not written: address 8.8.8.8") })
        let rules = try String(contentsOfFile: (out as NSString).appendingPathComponent("kakehashi.rules"), encoding: .utf8)
        #expect(rules.contains("alert ip 203.0.113.9 any <> any any") && rules.contains("sid:9"))
        #expect(!rules.contains("8.8.8.8"), "an allowlisted value is never written")
        #expect(!rules.contains("d41d8cd98f00b204e9800998ecf8427e"))
        let intel = try String(contentsOfFile: (out as NSString).appendingPathComponent("kakehashi.intel"), encoding: .utf8)
        #expect(intel.contains("d41d8cd98f00b204e9800998ecf8427e\tIntel::FILE_HASH"))
        #expect(try String(contentsOfFile: (out as NSString).appendingPathComponent("kakehashi-addresses.txt"), encoding: .utf8) == "203.0.113.9\n")
        #expect(FileManager.default.fileExists(atPath: marker))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "temporary files are renamed, not left behind")

        try FileManager.default.removeItem(atPath: marker)
        let unchanged = try await command.perform(fetch: { try hub.answer($0) }, output: { lines.append($0) })
        #expect(hub.queries[1].hasSuffix("&since=\(first)"), "the second pull asks for a delta")
        #expect(unchanged.outcome.delta && unchanged.outcome.changed.isEmpty && !unchanged.reloaded)
        #expect(!FileManager.default.fileExists(atPath: marker), "nothing changed, nothing reloaded")

        let revoked = try await command.perform(fetch: { try hub.answer($0) }, output: { lines.append($0) })
        #expect(hub.queries[2].hasSuffix("&since=\(second)"))
        #expect(revoked.reloaded && revoked.outcome.changed.contains("kakehashi.rules"))
        #expect(!(try String(contentsOfFile: (out as NSString).appendingPathComponent("kakehashi.rules"), encoding: .utf8)).contains("203.0.113.9"), "the revoked indicator leaves")
    }

    @Test func anEmptyPackDoesNotReplaceANonEmptyOneUnlessAllowed() async throws {
        let out = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = DetectionCursor(dateAdded: 10, asOf: Self.now)
        let empty = DetectionPack(cursor: DetectionCursor(dateAdded: 0, asOf: Self.now + 1), entries: [])
        let hub = FakeHub([Self.report(DetectionPackBuilder.full(Self.indicators(), format: .report, cursor: first)), empty, empty])
        _ = try await Self.command(out).perform(fetch: { try hub.answer($0) }, output: { _ in })
        let rulesPath = (out as NSString).appendingPathComponent("kakehashi.rules")
        let before = try String(contentsOfFile: rulesPath, encoding: .utf8)
        // The state is lost (a fresh host, the same files): the hub answers a full pack that is empty.
        try FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent(".kakehashi-detections.json"))

        await #expect(throws: DetectionPullError.self) { try await Self.command(out).perform(fetch: { try hub.answer($0) }, output: { _ in }) }
        #expect(try String(contentsOfFile: rulesPath, encoding: .utf8) == before, "the old pack stays")

        let allowed = try await Self.command(out, ["--allow-empty"]).perform(fetch: { try hub.answer($0) }, output: { _ in })
        #expect(allowed.outcome.entries == 0)
        #expect(!(try String(contentsOfFile: rulesPath, encoding: .utf8)).contains("alert"))
    }

    @Test func badFormatsAndRangesAreRefusedBeforeAnyRequest() throws {
        #expect(throws: (any Error).self) { try parse(["detections", "pull", "--hub", "h", "--collection", "c", "--token-file", "t", "--out", "o", "--format", "snort"], as: DetectionsCommand.Pull.self) }
        #expect(throws: (any Error).self) { try parse(["detections", "pull", "--hub", "h", "--collection", "c", "--token-file", "t", "--out", "o", "--format", "zeek", "--sid-count", "5"], as: DetectionsCommand.Pull.self) }
    }
}
