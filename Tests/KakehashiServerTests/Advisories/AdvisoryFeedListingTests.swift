import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// A CSAF provider's files, served to the fetcher by URL, counting each download.
actor ProviderSite {
    private var files: [String: Data]
    private(set) var downloads: [String: Int] = [:]

    init(_ files: [String: Data]) { self.files = files }

    func set(_ url: String, _ data: Data) { files[url] = data }

    func get(_ url: String) throws -> Data {
        downloads[url, default: 0] += 1
        guard let data = files[url] else { throw AdvisoryFeedFetcher.FeedError(url: url, message: "answered HTTP 404") }
        return data
    }
}

@Suite struct AdvisoryFeedListingTests {
    static let base = "https://psirt.example.jp/.well-known/csaf/"

    static func rolie(_ entries: [(path: String, updated: String)]) -> Data {
        let items = entries.map { #"{"id": "\#($0.path)", "title": "t", "published": "2026-10-01T00:00:00Z", "updated": "\#($0.updated)", "link": [{"rel": "self", "href": "\#(base)\#($0.path)"}], "content": {"type": "application/json", "src": "\#(base)\#($0.path)"}}"# }
        return Data(#"{"feed": {"id": "white", "title": "White", "updated": "2026-11-01T00:00:00Z", "entry": [\#(items.joined(separator: ","))]}}"#.utf8)
    }

    @Test(arguments: TestEngine.allCases) func aProvidersFeedsAndDirectoriesAreFollowedToTheirDocumentsOnceEach(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            let metadata = #"""
            {"canonical_url": "\#(Self.base)provider-metadata.json", "metadata_version": "2.0", "role": "csaf_trusted_provider",
             "publisher": {"category": "vendor", "name": "Example", "namespace": "https://psirt.example.jp"},
             "distributions": [{"rolie": {"feeds": [{"tlp_label": "WHITE", "url": "\#(Self.base)feed-tlp-white.json"},
                                                     {"tlp_label": "RED", "url": "\#(Self.base)feed-tlp-red.json"}]}},
                               {"directory_url": "\#(Self.base)white/"}]}
            """#
            let site = ProviderSite([
                Self.base + "provider-metadata.json": Data(metadata.utf8),
                Self.base + "feed-tlp-white.json": Self.rolie([("2026/plc.json", "2026-10-02T00:00:00Z"), ("2026/broken.json", "2026-10-03T00:00:00Z")]),
                Self.base + "2026/plc.json": try AdvisoryWorld.demoDocument("csaf-ics-plc-firmware.json"),
                Self.base + "2026/broken.json": Data(#"{"document": {"csaf_version": "2.0"}}"#.utf8),
                Self.base + "white/changes.csv": Data("\"2026/cve.json\",\"2026-10-04T00:00:00Z\"\n".utf8),
                Self.base + "white/2026/cve.json": try AdvisoryWorld.demoDocument("cve-2026-41234.json"),
            ])
            let feed = AdvisoryFeedRepository.Feed(url: Self.base + "provider-metadata.json", format: nil, intervalSeconds: 3600, nextFetchAt: Date(), createdBy: "center-admin")
            try await world.base.hub.advisories.feeds.add(feed, audit: AuditRecord(actorUser: "center-admin", action: "advisory-feed.add"))
            let fetcher = AdvisoryFeedFetcher(advisories: world.base.hub.advisories, download: { try await site.get($0) }, logger: TestHub.logger)
            let start = Date()

            let first = try await fetcher.runOnce(now: start)

            #expect(first.imported == 1 && first.failed == 0)
            let outcome = try #require(try await world.base.hub.advisories.feeds.list().first?.lastOutcome)
            #expect(outcome.hasPrefix("ok: 3 listed, 2 imported"), "\(outcome)")
            #expect(outcome.contains("skipped (need credentials): \(Self.base)feed-tlp-red.json (TLP:RED)"))
            #expect(outcome.contains("1 failed: \(Self.base)2026/broken.json: $.document"), "the broken document is named with its path: \(outcome)")
            #expect(await site.downloads[Self.base + "feed-tlp-red.json"] == nil)
            let sources = Set(try await world.base.hub.advisories.documents.list().map(\.source))
            #expect(sources == [Self.base + "2026/plc.json", Self.base + "white/2026/cve.json"])
            let findings = try await world.base.hub.advisories.findings.list(organisation: world.base.railway.id)
            #expect(findings.contains { $0.finding.itemID == "PLC-OLD" && $0.finding.vulnerabilityID == "CVE-2026-41234" })

            // The next round fetches only what is not held: the broken document again, nothing else.
            _ = try await fetcher.runOnce(now: start.addingTimeInterval(3601))
            #expect(await site.downloads[Self.base + "2026/plc.json"] == 1)
            #expect(await site.downloads[Self.base + "white/2026/cve.json"] == 1)
            #expect(await site.downloads[Self.base + "2026/broken.json"] == 2)

            // An entry updated after its import is fetched again, also when another entry lists the same
            // document without a time (the latest time any entry gives counts).
            let updated = Self.rolie([("2026/plc.json", ReportCoding.formatInstant(start.addingTimeInterval(600))), ("2026/broken.json", "2026-10-03T00:00:00Z")])
            let undated = #"{"id": "again", "title": "t", "content": {"type": "application/json", "src": "\#(Self.base)2026/plc.json"}}"#
            await site.set(Self.base + "feed-tlp-white.json", Data(String(decoding: updated, as: UTF8.self).replacingOccurrences(of: "]}}", with: "," + undated + "]}}").utf8))
            _ = try await fetcher.runOnce(now: start.addingTimeInterval(7202))
            #expect(await site.downloads[Self.base + "2026/plc.json"] == 2)
            #expect(await site.downloads[Self.base + "white/2026/cve.json"] == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func aListingThatBreaksItsRulesFailsTheRoundWithItsPath(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, _ in
            let site = ProviderSite([Self.base + "feed.json": Data(#"{"feed": {"entry": [{"id": "x", "updated": "later", "content": {"src": "https://psirt.example.jp/x.json"}}]}}"#.utf8)])
            let feed = AdvisoryFeedRepository.Feed(url: Self.base + "feed.json", format: nil, intervalSeconds: 3600, nextFetchAt: Date(), createdBy: "center-admin")
            try await world.base.hub.advisories.feeds.add(feed, audit: AuditRecord(actorUser: "center-admin", action: "advisory-feed.add"))
            let fetcher = AdvisoryFeedFetcher(advisories: world.base.hub.advisories, download: { try await site.get($0) }, logger: TestHub.logger)

            let round = try await fetcher.runOnce(now: Date())

            #expect(round.failed == 1)
            let outcome = try #require(try await world.base.hub.advisories.feeds.list().first?.lastOutcome)
            #expect(outcome == "error: \(Self.base)feed.json: $.feed.entry[0].updated: must be an RFC 3339 date-time, found 'later'")
        }
    }
}
