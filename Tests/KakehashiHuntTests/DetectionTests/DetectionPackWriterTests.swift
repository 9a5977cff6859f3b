import Foundation
import KakehashiHunt
import Testing

@Suite struct DetectionPackWriterTests {
    static let cursor = DetectionCursor(dateAdded: 5, asOf: 1_790_000_000_000_000)

    static func pack(_ indicators: [DetectionIndicator], format: DetectionFormat) -> DetectionPack {
        DetectionPackBuilder.full(indicators, format: format, cursor: cursor)
    }

    static let mixed = [
        DetectionIndicator(id: "indicator--1", name: "C2\tserver", pattern: "[ipv4-addr:value = '192.0.2.1' OR ipv6-addr:value = '2001:db8::1']",
                           confidence: 50, link: "https://hub.example/collections/c/objects/indicator--1"),
        DetectionIndicator(id: "indicator--2", pattern: "[ipv4-addr:value = '198.51.100.0/24']"),
        DetectionIndicator(id: "indicator--3", name: "phish \"login\"; now", pattern: "[domain-name:value = 'login.evil.example']"),
        DetectionIndicator(id: "indicator--4", name: "=HYPERLINK(\"x\")", pattern: "[url:value = 'http://evil.example:8080/a;b?c=\"d\"|e']"),
        DetectionIndicator(id: "indicator--5", pattern: "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']"),
        DetectionIndicator(id: "indicator--6", pattern: "[ipv4-addr:value = '192.0.2.1']", confidence: 90),
    ]

    @Test func zeekFilesFollowTheIntelFrameworkFormat() {
        let text = DetectionPackWriter.render(Self.pack(Self.mixed, format: .zeek), format: .zeek, source: "kakehashi:transport")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\tmeta.url")
        #expect(lines.last == "", "the file ends with a line break")
        let known: Set = ["Intel::ADDR", "Intel::SUBNET", "Intel::DOMAIN", "Intel::URL", "Intel::FILE_HASH", "Intel::EMAIL", "Intel::FILE_NAME"]
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 5, "\(line)")
            #expect(known.contains(String(fields[1])), "\(line)")
            #expect(fields.allSatisfy { !$0.isEmpty }, "an empty field is '-': \(line)")
        }
        #expect(lines.contains("192.0.2.1\tIntel::ADDR\tkakehashi:transport\tC2\\x09server (indicator--1)\thttps://hub.example/collections/c/objects/indicator--1"))
        #expect(lines.contains("198.51.100.0/24\tIntel::SUBNET\tkakehashi:transport\tindicator--2\t-"))
        #expect(lines.contains { $0.hasPrefix("evil.example:8080/a;b?c=\"d\"|e\tIntel::URL\t") }, "Zeek's URLs have no scheme")
        #expect(lines.filter { $0.hasPrefix("192.0.2.1\t") }.count == 1, "one line per value")
    }

    @Test func suricataRulesEscapeWhatARuleCannotHoldBare() {
        var pack = Self.pack(Self.mixed, format: .suricata)
        #expect(pack.untranslatable.map(\.indicator) == ["indicator--5"])
        pack = pack.assigning(sids: Dictionary(uniqueKeysWithValues: pack.entries.enumerated().map { ($1.key, Int64(1_000_000 + $0)) }))
        let rules = DetectionPackWriter.render(pack, format: .suricata).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rules.count == 6)
        #expect(rules.contains("alert ip 2001:db8::1 any <> any any (msg:\"KAKEHASHI address C2 server\"; classtype:bad-unknown; metadata:kakehashi_indicator indicator--1; sid:1000002; rev:1;)"))
        #expect(rules.contains { $0.contains("msg:\"KAKEHASHI domain phish \\\"login\\\"\\; now\";") && $0.contains("dns.query; content:\"login.evil.example\"; nocase; startswith; endswith;") })
        #expect(rules.contains { $0.contains("http.host; content:\"evil.example\"; nocase; startswith; endswith; http.uri; content:\"/a|3B|b?c=|22|d|22 7C|e\"; startswith; endswith;") })
        let sids = rules.compactMap { rule in rule.range(of: "; sid:").map { String(rule[$0.upperBound...].prefix { $0.isNumber }) } }
        #expect(Set(sids).count == 6, "one SID per rule")
    }

    @Test func datasetsIPReputationPlainListsAndCSV() {
        let dataset = Self.pack(Self.mixed, format: .suricataDataset)
        #expect(dataset.untranslatable.map(\.indicator) == ["indicator--2"], "a dataset holds no CIDR block")
        #expect(DetectionPackWriter.render(dataset, format: .suricataDataset) == "192.0.2.1\n2001:db8::1\n")
        #expect(DetectionPackWriter.render(dataset, format: .suricataDataset, kinds: [.domain]) == Data("login.evil.example".utf8).base64EncodedString() + "\n")
        #expect(DetectionPackWriter.render(dataset, format: .suricataDataset, kinds: [.sha256]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n")

        let iprep = Self.pack(Self.mixed, format: .iprep)
        #expect(DetectionPackWriter.render(iprep, format: .iprep) == "192.0.2.1,1,114\n2001:db8::1,1,64\n198.51.100.0/24,1,100\n", "the highest score when two indicators name one address")
        #expect(iprep.untranslatable.count == 3)

        let plain = Self.pack(Self.mixed, format: .plain)
        #expect(DetectionPackWriter.render(plain, format: .plain) == "192.0.2.1\n2001:db8::1\n198.51.100.0/24\n")
        #expect(DetectionPackWriter.render(plain, format: .plain, kinds: [.domain]) == "login.evil.example\n")

        let csv = DetectionPackWriter.render(Self.pack(Self.mixed, format: .csv), format: .csv)
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0] == "action,indicator,kind,value,sid,name,confidence,link")
        #expect(rows.contains("add,indicator--4,url,\"http://evil.example:8080/a;b?c=\"\"d\"\"|e\",,\"'=HYPERLINK(\"\"x\"\")\",,"), "quoted, and not a formula")
    }

    @Test func theSamePackRendersTheSameBytes() {
        let shuffled = Self.mixed.reversed().map { $0 }
        for format in DetectionFormat.allCases where format != .report {
            #expect(DetectionPackWriter.render(Self.pack(Self.mixed, format: format), format: format) ==
                    DetectionPackWriter.render(Self.pack(shuffled, format: format), format: format), "\(format)")
        }
    }
}
