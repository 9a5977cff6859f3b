import Foundation
import KakehashiCore
import Testing

@Suite struct AdvisoryListingTests {
    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func providerMetadataNamesItsOpenFeedsAndDirectoriesAndSkipsTheRest() throws {
        let metadata = data("""
        {"canonical_url": "https://psirt.example.jp/.well-known/csaf/provider-metadata.json", "metadata_version": "2.0", "role": "csaf_trusted_provider",
         "publisher": {"category": "vendor", "name": "Example ProductCERT", "namespace": "https://psirt.example.jp"},
         "distributions": [
           {"rolie": {"feeds": [
             {"summary": "public", "tlp_label": "WHITE", "url": "https://psirt.example.jp/.well-known/csaf/feed-tlp-white.json"},
             {"summary": "members", "tlp_label": "AMBER", "url": "https://psirt.example.jp/.well-known/csaf/feed-tlp-amber.json"}]}},
           {"directory_url": "white/"}]}
        """)

        let listing = try AdvisoryListing.recognise(metadata, url: "https://psirt.example.jp/.well-known/csaf/provider-metadata.json")

        guard case .provider(let sources, let skipped) = listing else { Issue.record("not recognised: \(listing)"); return }
        #expect(sources.map(\.kind) == [.rolie, .directory])
        #expect(sources.map(\.url) == ["https://psirt.example.jp/.well-known/csaf/feed-tlp-white.json", "https://psirt.example.jp/.well-known/csaf/white/"],
                "a relative directory is resolved against the metadata's URL")
        #expect(skipped == ["https://psirt.example.jp/.well-known/csaf/feed-tlp-amber.json (TLP:AMBER)"])
    }

    @Test func aROLIEFeedListsEachDocumentWithItsUpdateTime() throws {
        let feed = data("""
        {"feed": {"id": "example-csaf-feed-tlp-white", "title": "Example", "updated": "2026-11-01T12:00:00Z",
          "link": [{"rel": "self", "href": "https://psirt.example.jp/csaf/feed-tlp-white.json"}],
          "category": [{"scheme": "urn:ietf:params:rolie:category:information-type", "term": "csaf"}],
          "entry": [
            {"id": "ESA-2026-001", "title": "One", "published": "2026-10-01T00:00:00Z", "updated": "2026-10-02T03:04:05.678Z",
             "link": [{"rel": "self", "href": "https://psirt.example.jp/csaf/2026/esa-2026-001.json"}, {"rel": "hash", "href": "https://psirt.example.jp/csaf/2026/esa-2026-001.json.sha512"}],
             "content": {"type": "application/json", "src": "https://psirt.example.jp/csaf/2026/esa-2026-001.json"}},
            {"id": "ESA-2026-002", "title": "Two", "published": "2026-10-05T00:00:00Z", "updated": "2026-10-05T00:00:00+09:00",
             "link": [{"rel": "self", "href": "2026/esa-2026-002.json"}]}]}}
        """)

        let listing = try AdvisoryListing.recognise(feed, url: "https://psirt.example.jp/csaf/feed-tlp-white.json")

        guard case .entries(let entries) = listing else { Issue.record("not recognised: \(listing)"); return }
        #expect(entries.map(\.url) == ["https://psirt.example.jp/csaf/2026/esa-2026-001.json", "https://psirt.example.jp/csaf/2026/esa-2026-002.json"])
        #expect(abs((entries[0].updated?.timeIntervalSince1970 ?? 0) - 1_790_910_245.678) < 0.001)
        #expect(entries[1].updated == Date(timeIntervalSince1970: 1_791_126_000), "the offset is honoured")
    }

    @Test func aBrokenListingNamesTheFeedThePathAndTheRule() throws {
        let noLink = data(#"{"feed": {"entry": [{"id": "A", "link": [{"rel": "alternate", "href": "https://x.example/a.json"}]}]}}"#)
        let badTime = data(#"{"feed": {"entry": [{"id": "A", "updated": "yesterday", "content": {"src": "https://x.example/a.json"}}]}}"#)
        let badURL = data(#"{"feed": {"entry": [{"id": "A", "content": {"src": "ftp://x.example/a.json"}}]}}"#)

        #expect(throws: AdvisoryFormatError(document: "https://x.example/feed.json", path: "$.feed.entry[0]", rule: "an entry needs content.src or a link with rel \"self\" naming its document")) {
            try AdvisoryListing.recognise(noLink, url: "https://x.example/feed.json")
        }
        #expect(throws: AdvisoryFormatError(document: "https://x.example/feed.json", path: "$.feed.entry[0].updated", rule: "must be an RFC 3339 date-time, found 'yesterday'")) {
            try AdvisoryListing.recognise(badTime, url: "https://x.example/feed.json")
        }
        #expect(throws: AdvisoryFormatError(document: "https://x.example/feed.json", path: "$.feed.entry[0]", rule: "'ftp://x.example/a.json' is not an http(s) URL")) {
            try AdvisoryListing.recognise(badURL, url: "https://x.example/feed.json")
        }
        #expect(throws: AdvisoryFormatError.self) {
            try AdvisoryListing.recognise(data(#"{"metadata_version": "2.0", "canonical_url": "https://x.example/provider-metadata.json", "distributions": []}"#), url: "https://x.example/provider-metadata.json")
        }
    }

    @Test func aDirectorysChangesListPathsRelativeToIt() throws {
        let csv = data("""
        "2026/esa-2026-002.json","2026-10-05T00:00:00Z"
        "2026/esa-2026-001.json","2026-10-02T03:04:05Z"

        """)

        let entries = try AdvisoryListing.changes(csv, directory: "https://psirt.example.jp/csaf/white")

        #expect(AdvisoryListing.changesURL(directory: "https://psirt.example.jp/csaf/white") == "https://psirt.example.jp/csaf/white/changes.csv")
        #expect(entries.map(\.url) == ["https://psirt.example.jp/csaf/white/2026/esa-2026-002.json", "https://psirt.example.jp/csaf/white/2026/esa-2026-001.json"])
        #expect(entries.map(\.updated) == [Date(timeIntervalSince1970: 1_791_158_400), Date(timeIntervalSince1970: 1_790_910_245)])
        #expect(throws: AdvisoryFormatError(document: "https://psirt.example.jp/csaf/white/changes.csv", path: "line 2", rule: "the time must be an RFC 3339 date-time, found 'soon'")) {
            try AdvisoryListing.changes(data("\"a.json\",\"2026-10-05T00:00:00Z\"\n\"b.json\",\"soon\"\n"), directory: "https://psirt.example.jp/csaf/white/")
        }
    }

    @Test func anAdvisoryIsNotAListing() throws {
        let csaf = try AdvisoryFixtures.data("csaf-ics-plc-firmware.json")
        #expect(try AdvisoryListing.recognise(csaf, url: "https://x.example/a.json") == .document)
        #expect(try AdvisoryListing.recognise(data("not json"), url: "https://x.example/a.json") == .document)
    }
}
