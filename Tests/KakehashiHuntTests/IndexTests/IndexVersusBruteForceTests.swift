import Testing
@testable import KakehashiHunt

/// The indexed hunt must find exactly what running the pattern matcher on every event finds.
@Suite("Indexed hunt versus brute force")
struct IndexVersusBruteForceTests {
    static let v4 = ["192.0.2.1", "192.0.2.7", "192.0.2.200", "198.51.100.9", "198.51.100.130", "203.0.113.5", "10.1.2.3"]
    static let v6 = ["2001:db8::1", "2001:db8:5::9", "fe80::1"]
    static let domains = ["a.evil.example", "b.evil.example", "evil.example", "www.good.example", "cdn.good.example"]
    static let urls = ["http://a.evil.example/x.php", "http://www.good.example/", "https://b.evil.example/dl?id=1"]
    static let hashes = [String(repeating: "a", count: 64), String(repeating: "b", count: 64), String(repeating: "c", count: 64)]

    static func templates(_ r: inout IndexStructureTests.Rng) -> String {
        func pick(_ a: [String]) -> String { a[Int(r.next() % UInt64(a.count))] }
        let ports = ["53", "80", "443", "8080"]
        switch r.next() % 16 {
        case 0: return "[ipv4-addr:value = '\(pick(v4))']"
        case 1: return "[ipv4-addr:value ISSUBSET '\(pick(["192.0.2.0/24", "192.0.2.0/29", "198.51.100.128/25", "0.0.0.0/0", "10.0.0.0/8"]))']"
        case 2: return "[network-traffic:dst_ref.value = '\(pick(v4))' AND network-traffic:dst_port = \(pick(ports))]"
        case 3: return "[network-traffic:src_port > 40000]"
        case 4: return "[domain-name:value LIKE '\(pick(["%.evil.example", "_.evil.example", "%good%"]))']"
        case 5: return "[domain-name:value MATCHES '\(pick(["^[ab]\\\\.evil", "good\\\\.example$", "^(www|cdn)\\\\.good"]))']"
        case 6: return "[domain-name:value IN ('\(pick(domains))', '\(pick(domains))')]"
        case 7: return "[url:value = '\(pick(urls))' OR file:hashes.'SHA-256' = '\(pick(hashes))']"
        case 8: return "[domain-name:value != '\(pick(domains))']"
        case 9: return "[network-traffic:protocols[*] = '\(pick(["tcp", "udp"]))']"
        case 10: return "[ipv6-addr:value ISSUBSET '2001:db8::/32']"
        case 11: return "[process:name = 'x.exe' OR domain-name:value = '\(pick(domains))']"
        case 12: return "[ipv4-addr:value NOT = '\(pick(v4))']"
        case 13: return "[network-traffic:src_ref.value ISSUBSET '10.0.0.0/8' AND network-traffic:dst_ref.value = '\(pick(v4))']"
        case 14: return "[url:value LIKE 'http://%evil%']"
        default: return "[file:hashes.'SHA-256' = '\(pick(hashes))' AND file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"
        }
    }

    static func event(_ r: inout IndexStructureTests.Rng, time: Double) -> LogEvent {
        func pick(_ a: [String]) -> String { a[Int(r.next() % UInt64(a.count))] }
        var e = LogEvent()
        func add(_ role: FieldRole, _ s: String) { _ = Array(s.utf8).withUnsafeBufferPointer { e.add(role, $0) } }
        add(.timestamp, String(time))
        if r.next() % 4 != 0 {
            let six = r.next() % 5 == 0
            add(.srcIP, six ? pick(v6) : pick(v4))
            add(.dstIP, six ? pick(v6) : pick(v4))
            add(.srcPort, String(1024 + r.next() % 60_000))
            add(.dstPort, pick(["53", "80", "443", "8080"]))
            add(.proto, pick(["tcp", "udp", "TCP"]))
        }
        for _ in 0..<(r.next() % 3) { add(.domain, pick(domains)) }
        for _ in 0..<(r.next() % 3) { add(.answer, pick(v4 + v6 + domains)) }
        if r.next() % 3 == 0 { add(.url, pick(urls)) }
        if r.next() % 4 == 0 { add(.sha256, pick(hashes)) }
        e.finish()
        return e
    }

    @Test("single-observation patterns: same matches per indicator", arguments: [1, 2, 3])
    func singleObservation(seed: UInt64) throws {
        var rng = IndexStructureTests.Rng(state: seed)
        let patterns = (0..<120).map { _ in Self.templates(&rng) }
        var compiler = HuntCompiler()
        for (i, p) in patterns.enumerated() { compiler.add(IndicatorRecord(id: "indicator--\(i)", pattern: p)) }
        compiler.finish()
        #expect(compiler.skipped.isEmpty, "\(compiler.skipped)")
        let engine = HuntEngine(compiler: compiler, maxSamples: 0)
        let matchers = try patterns.map { try PatternMatcher(parsing: $0) }
        var expected: [String: Int] = [:]

        for k in 0..<400 {
            let event = Self.event(&rng, time: 1_700_000_000 + Double(k))
            engine.process(event, path: "generated", line: k + 1)
            let observations = ObservationSet(observations: [EventObservation(event, source: "generated").matcherObservation])
            // A matcher error (e.g. a CIDR the reference rejects) counts as no match, as in the engine.
            for (i, m) in matchers.enumerated() where (try? m.matches(observations)) == true {
                expected["indicator--\(i)", default: 0] += 1
            }
        }

        var actual: [String: Int] = [:]
        for (n, stats) in engine.sightings.stats { actual[engine.indicators.id(n)] = stats.count }
        // Indicators on object types the logs never produce are not indexed and cannot match.
        #expect(actual == expected)
        #expect(!expected.isEmpty)
    }
}
