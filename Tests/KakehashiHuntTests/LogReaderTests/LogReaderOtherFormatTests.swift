import Foundation
import Testing
@testable import KakehashiHunt

@Suite("EVE, JSON-lines and CSV readers")
struct LogReaderOtherFormatTests {
    @Test("EVE: flow, dns v2, http, tls, fileinfo; bad port and truncated line reported")
    func eve() throws {
        let read = try LogReaderFixtures.read("eve.json")

        #expect(read.events.count == 5)
        #expect(LogReaderFixtures.traffic(read.events[0])?["protocols"] == .array([.string("tcp")]))
        #expect(read.events[0].timestamp == 1_763_629_201.101520)
        #expect(LogReaderFixtures.values(read.events[1], "domain-name") == ["cdn-lb.evil-cdn.example", "update.evil-cdn.example"])
        #expect(LogReaderFixtures.values(read.events[1], "ipv4-addr").contains("198.51.100.23"))
        #expect(LogReaderFixtures.values(read.events[2], "url") == ["http://dl.evil-cdn.example/payload/stage2.bin?id=7731"])
        #expect(LogReaderFixtures.values(read.events[3], "domain-name") == ["c2.evil-cdn.example"])
        #expect(LogReaderFixtures.hashes(read.events[4])?["SHA-256"] == .string("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"))
        #expect(read.malformed.map(\.line) == [6, 7])
        #expect(read.malformed[0].reason.contains("src_port"))
    }

    @Test("JSON lines through a mapping, nested keys and a name-addr email")
    func jsonl() throws {
        let read = try LogReaderFixtures.read("proxy.jsonl", mapping: "proxy-mapping.json")

        #expect(read.events.count == 2)
        #expect(LogReaderFixtures.values(read.events[0], "email-addr") == ["taro.yamada@example.co.jp"])
        #expect(LogReaderFixtures.values(read.events[0], "url") == ["http://dl.evil-cdn.example/payload/stage2.bin?id=7731"])
        #expect(LogReaderFixtures.traffic(read.events[1])?["dst_port"] == .int(80))
        #expect(read.malformed.map(\.line) == [3])
    }

    @Test("JSON lines without a mapping are refused with the file name")
    func jsonlNeedsMapping() {
        #expect(throws: LogReadError.self) { _ = try LogReaderFixtures.read("proxy.jsonl") }
    }

    @Test("CSV: header, quoted fields, hash by length, bad lines")
    func csv() throws {
        let read = try LogReaderFixtures.read("edr.csv", mapping: "edr-mapping.json")

        #expect(read.events.count == 2)
        #expect(LogReaderFixtures.hashes(read.events[1])?["SHA-256"] == .string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        #expect(LogReaderFixtures.values(read.events[0], "domain-name") == ["dl.evil-cdn.example"])
        #expect(read.malformed.map(\.line) == [4, 5])
        #expect(read.malformed[0].reason.contains("hash has 3 characters"))
        #expect(read.malformed[1].reason.contains("unterminated"))
    }

    @Test("mapping errors name the role")
    func badMapping() {
        let json = Data(#"{"fields":{"source_ip":"src"}}"#.utf8)
        #expect(throws: FieldMappingError.self) { _ = try FieldMapping(json: json) }
    }

    @Test("timestamps: epoch and ISO forms agree")
    func timestamps() {
        func parse(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { TimestampParser.parse($0) } }
        #expect(parse("2025-11-20T09:00:01.5Z") == 1_763_629_201.5)
        #expect(parse("2025-11-20T18:00:01.5+09:00") == 1_763_629_201.5)
        #expect(parse("2025-11-20T09:00:01.500000+0000") == 1_763_629_201.5)
        #expect(parse("1763629201.5") == 1_763_629_201.5)
        #expect(parse("2026-13-20T09:00:01Z") == nil)
        #expect(parse("tomorrow") == nil)
    }
}
