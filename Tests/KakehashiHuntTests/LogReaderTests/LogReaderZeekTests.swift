import Testing
@testable import KakehashiHunt

@Suite("Zeek log readers")
struct LogReaderZeekTests {
    @Test("conn.log TSV: connection fields, unset and malformed lines")
    func connTSV() throws {
        let read = try LogReaderFixtures.read("conn.log")

        #expect(read.events.count == 5)
        let first = read.events[0]
        #expect(first.timestamp == 1_763_629_201.101520)
        #expect(LogReaderFixtures.endpoint(first, "src_ref") == "10.20.1.15")
        #expect(LogReaderFixtures.endpoint(first, "dst_ref") == "198.51.100.23")
        #expect(LogReaderFixtures.traffic(first)?["dst_port"] == .int(443))
        #expect(LogReaderFixtures.traffic(first)?["protocols"] == .array([.string("tcp")]))
        #expect(LogReaderFixtures.values(read.events[3], "ipv6-addr") == ["2001:db8:10::15", "2001:db8:beef::9"])
        #expect(read.malformed.map(\.line) == [13, 14])
        #expect(read.malformed[0].reason.contains("timestamp"))
        #expect(read.malformed[1].reason.contains("expected 21 fields"))
        #expect(read.malformed.allSatisfy { $0.path.hasSuffix("conn.log") })
    }

    @Test("gzip file gives the same events as the plain file")
    func gzip() throws {
        let plain = try LogReaderFixtures.read("conn.log")
        let zipped = try LogReaderFixtures.read("conn.log.gz")

        #expect(zipped.events.map(\.objects) == plain.events.map(\.objects))
        #expect(zipped.malformed.map(\.line) == plain.malformed.map(\.line))
    }

    @Test("dns.log TSV: query and answers vector, all-unset row")
    func dnsTSV() throws {
        let read = try LogReaderFixtures.read("dns.log")

        #expect(read.events.count == 3)
        #expect(LogReaderFixtures.values(read.events[0], "domain-name") == ["cdn-lb.evil-cdn.example", "update.evil-cdn.example"])
        #expect(LogReaderFixtures.values(read.events[0], "ipv4-addr").contains("198.51.100.23"))
        #expect(LogReaderFixtures.values(read.events[1], "ipv6-addr").contains("2001:db8:aa::10"))
        #expect(LogReaderFixtures.values(read.events[2], "domain-name").isEmpty)
        #expect(read.malformed.isEmpty)
    }

    @Test("http, ssl and files TSV yield URL, SNI and hashes")
    func httpSSLFiles() throws {
        let http = try LogReaderFixtures.read("http.log")
        let ssl = try LogReaderFixtures.read("ssl.log")
        let files = try LogReaderFixtures.read("files.log")

        #expect(LogReaderFixtures.values(http.events[0], "url") == ["http://dl.evil-cdn.example/payload/stage2.bin?id=7731"])
        #expect(LogReaderFixtures.values(http.events[0], "domain-name") == ["dl.evil-cdn.example"])
        #expect(LogReaderFixtures.values(ssl.events[0], "domain-name") == ["c2.evil-cdn.example"])
        let hashes = try #require(LogReaderFixtures.hashes(files.events[0]))
        #expect(hashes["MD5"] == .string("5d41402abc4b2a76b9719d911017c592"))
        #expect(hashes["SHA-1"] == .string("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"))
        #expect(hashes["SHA-256"] == .string("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"))
        #expect(LogReaderFixtures.values(files.events[0], "ipv4-addr") == ["10.20.1.15", "203.0.113.77"])
    }

    @Test("Zeek JSON logs read like their TSV counterparts")
    func zeekJSON() throws {
        let conn = try LogReaderFixtures.read("conn.json.log")
        let dns = try LogReaderFixtures.read("dns.json.log")
        let http = try LogReaderFixtures.read("http.json.log")
        let tsvDNS = try LogReaderFixtures.read("dns.log")

        #expect(conn.events.count == 2)
        #expect(LogReaderFixtures.endpoint(conn.events[1], "dst_ref") == "192.0.2.200")
        #expect(conn.malformed.map(\.line) == [3])
        #expect(dns.events[0].timestamp == tsvDNS.events[0].timestamp.map { ($0 * 1e6).rounded() / 1e6 })
        #expect(LogReaderFixtures.values(dns.events[0], "domain-name") == LogReaderFixtures.values(tsvDNS.events[0], "domain-name"))
        #expect(LogReaderFixtures.values(http.events[0], "url") == ["http://dl.evil-cdn.example/payload/stage2.bin?id=7731"])
    }

    @Test("a missing file is named in the error")
    func missingFile() {
        #expect(throws: LogReadError.unreadable(path: "/nonexistent/conn.log", reason: "No such file or directory")) {
            _ = try LogFileReader(path: "/nonexistent/conn.log")
        }
    }
}
