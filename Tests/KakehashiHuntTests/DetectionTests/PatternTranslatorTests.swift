import KakehashiHunt
import Testing

@Suite struct PatternTranslatorTests {
    static func values(_ pattern: String) throws -> [PatternTranslator.Value] {
        try PatternTranslator.translate(pattern).get()
    }

    static func reason(_ pattern: String, type: String = "stix") -> String? {
        if case .failure(let why) = PatternTranslator.translate(pattern, patternType: type) { return why.reason }
        return nil
    }

    @Test func exactValuesOfEachSupportedPathTranslate() throws {
        let cases: [(String, DetectionKind, String)] = [
            ("[ipv4-addr:value = '198.51.100.7']", .address, "198.51.100.7"),
            ("[ipv4-addr:value = '198.51.100.7/24']", .subnet, "198.51.100.0/24"),
            ("[ipv4-addr:value ISSUBSET '10.0.0.0/8']", .subnet, "10.0.0.0/8"),
            ("[ipv4-addr:value = '198.51.100.7/32']", .address, "198.51.100.7"),
            ("[ipv6-addr:value = '2001:DB8:0:0:0:0:0:1']", .address, "2001:db8::1"),
            ("[ipv6-addr:value = '2001:db8:0:1:0:0:0:0/64']", .subnet, "2001:db8:0:1::/64"),
            ("[domain-name:value = 'Evil.Example.']", .domain, "evil.example"),
            ("[url:value = 'http://evil.example/a?b=c']", .url, "http://evil.example/a?b=c"),
            ("[file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']", .md5, "d41d8cd98f00b204e9800998ecf8427e"),
            ("[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']", .sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']", .sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("[email-addr:value = 'phish@evil.example']", .email, "phish@evil.example"),
            ("[file:name = 'invoice.exe']", .fileName, "invoice.exe"),
        ]
        for (pattern, kind, value) in cases {
            #expect(try Self.values(pattern) == [PatternTranslator.Value(kind: kind, value: value)], "\(pattern)")
        }
    }

    @Test func orAndInGiveEveryValueOnce() throws {
        let values = try Self.values("[ipv4-addr:value = '192.0.2.1' OR ipv4-addr:value IN ('192.0.2.2', '192.0.2.1')] OR [domain-name:value = 'a.example']")
        #expect(values.map(\.value) == ["192.0.2.1", "192.0.2.2", "a.example"])
    }

    @Test func patternsWithoutAnExactListFormAreRefusedWithTheReason() {
        let cases: [(String, String)] = [
            ("[ipv4-addr:value = '192.0.2.1'] AND [domain-name:value = 'a.example']", "AND between observations"),
            ("[ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [domain-name:value = 'a.example']", "FOLLOWEDBY"),
            ("[ipv4-addr:value = '192.0.2.1'] WITHIN 300 SECONDS", "WITHIN"),
            ("[ipv4-addr:value = '192.0.2.1'] REPEATS 3 TIMES", "REPEATS"),
            ("[file:name = 'a.exe' AND file:size = 10]", "AND inside an observation"),
            ("[ipv4-addr:value NOT = '192.0.2.1']", "negated"),
            ("[domain-name:value LIKE '%.example']", "only =, IN"),
            ("[domain-name:value MATCHES '^a']", "only =, IN"),
            ("[network-traffic:dst_port = 443]", "object path"),
            ("[network-traffic:dst_ref.value = '192.0.2.1']", "object path"),
            ("[ipv4-addr:value = '10.1']", "canonical form"),
            ("[ipv4-addr:value = '010.0.0.1']", "canonical form"),
            ("[ipv4-addr:value = '2001:db8::1']", "IPv4"),
            ("[domain-name:value = 'bad domain.example']", "not a domain name"),
            ("[url:value = 'ftp://evil.example/x']", "http(s) URL"),
            ("[file:hashes.MD5 = 'xyz']", "32 hexadecimal"),
            ("[file:hashes.'SHA-512' = 'ab']", "object path"),
            ("[ipv4-addr:value = ", "does not parse"),
        ]
        for (pattern, fragment) in cases {
            let reason = Self.reason(pattern)
            #expect(reason?.contains(fragment) == true, "\(pattern): \(reason ?? "translated")")
        }
        #expect(Self.reason("alert ip any any -> any any (sid:1;)", type: "snort")?.contains("not a STIX pattern") == true)
    }
}
