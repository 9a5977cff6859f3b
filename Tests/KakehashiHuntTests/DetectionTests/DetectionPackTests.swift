import KakehashiHunt
import Testing

@Suite struct DetectionPackTests {
    static let day: Int64 = 86_400_000_000
    static let now: Int64 = 1_790_000_000_000_000

    static func indicator(_ id: String, _ pattern: String, name: String? = nil, revoked: Bool = false, validUntil: Int64? = nil) -> DetectionIndicator {
        DetectionIndicator(id: "indicator--\(id)", name: name, pattern: pattern, revoked: revoked, validUntil: validUntil)
    }

    @Test func aFullPackLeavesOutRevokedAndExpiredIndicatorsAndListsUntranslatableOnes() {
        let indicators = [
            Self.indicator("a", "[ipv4-addr:value = '192.0.2.1']"),
            Self.indicator("b", "[ipv4-addr:value = '192.0.2.2']", revoked: true),
            Self.indicator("c", "[ipv4-addr:value = '192.0.2.3']", validUntil: Self.now - 1),
            Self.indicator("d", "[ipv4-addr:value = '192.0.2.4']", validUntil: Self.now + Self.day),
            Self.indicator("e", "[ipv4-addr:value = '192.0.2.5'] WITHIN 60 SECONDS"),
            Self.indicator("f", "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"),
        ]
        let cursor = DetectionCursor(dateAdded: 10, asOf: Self.now)
        let zeek = DetectionPackBuilder.full(indicators, format: .zeek, cursor: cursor)
        #expect(zeek.entries.map(\.value) == ["192.0.2.1", "192.0.2.4", "d41d8cd98f00b204e9800998ecf8427e"])
        #expect(zeek.untranslatable.map(\.indicator) == ["indicator--e"])
        #expect(zeek.untranslatable.first?.reason.contains("WITHIN") == true)

        let rules = DetectionPackBuilder.full(indicators, format: .suricata, cursor: cursor)
        #expect(rules.entries.map(\.value) == ["192.0.2.1", "192.0.2.4"])
        #expect(rules.untranslatable.map(\.indicator) == ["indicator--e", "indicator--f"], "a file hash has no inline rule: listed, not dropped")
    }

    @Test func aDeltaSaysWhatToAddAndWhatToRemove() {
        let since = DetectionCursor(dateAdded: 100, asOf: Self.now)
        let later = DetectionCursor(dateAdded: 200, asOf: Self.now + Self.day)
        let current = [
            Self.indicator("kept", "[ipv4-addr:value = '192.0.2.1']"),
            Self.indicator("revoked", "[ipv4-addr:value = '192.0.2.2']", revoked: true),
            Self.indicator("expired", "[ipv4-addr:value = '192.0.2.3']", validUntil: Self.now + 1),
            Self.indicator("new", "[domain-name:value = 'new.example']"),
            Self.indicator("moved", "[ipv4-addr:value = '192.0.2.9']"),
            Self.indicator("twin", "[ipv4-addr:value = '192.0.2.1']", revoked: true),
            Self.indicator("bad", "[ipv4-addr:value = '192.0.2.8'] AND [ipv4-addr:value = '192.0.2.7']"),
        ]
        let previous = [
            "indicator--revoked": Self.indicator("revoked", "[ipv4-addr:value = '192.0.2.2']"),
            "indicator--moved": Self.indicator("moved", "[ipv4-addr:value = '192.0.2.4']"),
            "indicator--twin": Self.indicator("twin", "[ipv4-addr:value = '192.0.2.1']"),
        ]
        let changed: Set = ["indicator--revoked", "indicator--new", "indicator--moved", "indicator--twin", "indicator--bad"]
        let delta = DetectionPackBuilder.delta(current: current, changed: changed, previous: previous, format: .zeek, since: since, cursor: later)
        #expect(delta.isDelta)
        #expect(delta.entries.map(\.value) == ["192.0.2.9", "new.example"])
        #expect(delta.removed.map(\.indicator) == ["indicator--twin", "indicator--revoked", "indicator--expired", "indicator--moved"])
        #expect(delta.removed.first { $0.indicator == "indicator--twin" }?.stillListed == true, "192.0.2.1 is still listed by 'kept'")
        #expect(delta.untranslatable.map(\.indicator) == ["indicator--bad"])

        let zeek = DetectionPackWriter.render(delta, format: .zeek)
        #expect(zeek.hasPrefix("#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url\tmeta.remove\n"))
        #expect(zeek.contains("192.0.2.2\tIntel::ADDR\tkakehashi\tindicator--revoked\t-\tT\n"))
        #expect(!zeek.contains("192.0.2.1\t"), "a value another indicator still lists is not removed")
        #expect(zeek.contains("new.example\tIntel::DOMAIN\tkakehashi\tindicator--new\t-\tF\n"))

        let nothing = DetectionPackBuilder.delta(current: current, changed: [], previous: [:], format: .zeek, since: later, cursor: later)
        #expect(nothing.entries.isEmpty && nothing.removed.isEmpty, "no change, no delta")
    }

    @Test func entriesWithoutASIDAreRefusedWholeIndicatorAtATime() {
        let pack = DetectionPackBuilder.full([Self.indicator("two", "[ipv4-addr:value = '192.0.2.1' OR ipv4-addr:value = '192.0.2.2']"),
                                              Self.indicator("one", "[ipv4-addr:value = '192.0.2.3']")],
                                             format: .suricata, cursor: DetectionCursor(dateAdded: 1, asOf: Self.now))
        let keys = pack.entries.map(\.key)
        let sids = [keys[0]: Int64(7), keys[2]: 9]
        let assigned = pack.assigning(sids: sids)
        #expect(assigned.entries.map(\.sid) == [9])
        #expect(assigned.untranslatable.map(\.indicator) == ["indicator--two"])
        #expect(assigned.untranslatable.first?.reason.contains("SID range is full") == true)
    }

    @Test func theCursorReadsBackWhatItWrites() throws {
        let cursor = DetectionCursor(dateAdded: 1_764_806_400_000_000, asOf: 1_764_806_400_500_000)
        #expect(DetectionCursor(text: cursor.description) == cursor)
        for text in ["", "1", "1.2.3", "a.b", "-1.2"] { #expect(DetectionCursor(text: text) == nil, "\(text)") }
    }

    @Test func theAllowlistCoversAddressesBlocksDomainsAndURLHosts() throws {
        let list = try DetectionAllowlist(text: "# our resolvers\n8.8.8.8\n192.0.2.0/28  # partner\ncdn.example\n\n")
        func entry(_ kind: DetectionKind, _ value: String) -> DetectionEntry { DetectionEntry(indicator: "indicator--x", kind: kind, value: value) }
        #expect(list.covers(entry(.address, "8.8.8.8")))
        #expect(list.covers(entry(.subnet, "8.8.0.0/16")), "blocking the block would block the resolver")
        #expect(list.covers(entry(.address, "192.0.2.5")))
        #expect(!list.covers(entry(.address, "192.0.2.16")))
        #expect(list.covers(entry(.domain, "img.cdn.example")))
        #expect(!list.covers(entry(.domain, "badcdn.example")))
        #expect(list.covers(entry(.url, "https://user@img.cdn.example:8443/x")))
        #expect(list.covers(entry(.url, "http://8.8.8.8/dns")))
        #expect(!list.covers(entry(.url, "http://evil.example/cdn.example")))
        #expect(throws: DetectionAllowlistError.self) { try DetectionAllowlist(text: "8.8.8.8\nnot a host!\n") }
    }
}
