import Testing
@testable import KakehashiHunt

/// The per-line shortcuts (word-at-a-time scans, checking a time without converting it, raw event
/// storage) must decide exactly what the plain byte loops decide.
@Suite("Log reader fast paths")
struct LogReaderFastPathTests {
    /// The dotted-quad parser as it was before the unrolled one: the oracle.
    static func referenceIPv4(_ b: [UInt8]) -> UInt32? {
        guard b.count >= 7, b.count <= 15 else { return nil }
        var result: UInt32 = 0, octet: UInt32 = 0, digits = 0, dots = 0
        for byte in b {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return nil }
                result = result << 8 | octet
                octet = 0; digits = 0; dots += 1
            } else {
                let d = byte &- 48
                guard d < 10, digits < 3 else { return nil }
                octet = octet * 10 + UInt32(d); digits += 1
                guard octet <= 255 else { return nil }
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        return result << 8 | octet
    }

    static func random(_ rng: inout IndexStructureTests.Rng, alphabet: [UInt8], maxLength: Int) -> [UInt8] {
        (0..<Int(rng.next() % UInt64(maxLength + 1))).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }

    @Test("IPv4: the unrolled parser agrees with the byte loop on random dotted text")
    func ipv4AgreesWithReference() {
        var rng = IndexStructureTests.Rng(state: 7)
        let alphabet = Array("0123456789.".utf8) + Array("25.1x".utf8)
        var accepted = 0
        for _ in 0..<200_000 {
            let text = Self.random(&rng, alphabet: alphabet, maxLength: 16)
            let ours = text.withUnsafeBufferPointer { AddressSyntax.parseIPv4($0) }
            #expect(ours == Self.referenceIPv4(text), "\(String(decoding: text, as: UTF8.self))")
            if ours != nil { accepted += 1 }
        }
        for text in ["0.0.0.0", "255.255.255.255", "001.002.003.004", "256.1.1.1", "1.2.3", "1.2.3.4.", "1..2.3", "1.2.3.4444"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { AddressSyntax.parseIPv4($0) } == Self.referenceIPv4(bytes), "\(text)")
        }
        #expect(accepted > 100)
    }

    @Test("timestamps: checking agrees with converting")
    func timestampCheckAgreesWithParse() {
        let fixed = ["1795651200.123456", "-795651200.123456", "1795651200.12345a", "179565120a.123456", "1795651200.", "1795651200",
                     ".5", "-", "", "123456789012345", "1234567890123456", "12345678901234.5", "1795651200.1234567",
                     "2026-11-26T00:00:00Z", "2026-11-26 00:00:00.5+09:00", "2026-13-26T00:00:00Z", "2026-11-26", "2026-11-2"]
        for text in fixed {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                #expect(TimestampParser.isValid(b) == (TimestampParser.parse(b) != nil), "\(text)")
            }
        }
        var rng = IndexStructureTests.Rng(state: 11)
        let alphabet = Array("0123456789.-".utf8) + Array("9/:".utf8)
        for _ in 0..<100_000 {
            var text = Self.random(&rng, alphabet: alphabet, maxLength: 19)
            if rng.next() % 2 == 0 && text.count >= 11 { text[10] = UInt8(ascii: ".") }
            text.withUnsafeBufferPointer { b in
                #expect(TimestampParser.isValid(b) == (TimestampParser.parse(b) != nil), "\(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test("Zeek columns: the word-at-a-time separator search finds the first separator")
    func separatorSearch() {
        var rng = IndexStructureTests.Rng(state: 3)
        let alphabet: [UInt8] = [0x09, 0x08, 0x01, 0x00, 0x41, 0x89, 0xFF, 0x2C]
        for _ in 0..<20_000 {
            let line = Self.random(&rng, alphabet: alphabet, maxLength: 40)
            let from = line.isEmpty ? 0 : Int(rng.next() % UInt64(line.count + 1))
            for separator: UInt8 in [0x09, 0x2C] {
                let expected = line[from...].firstIndex(of: separator) ?? line.count
                let found = line.withUnsafeBufferPointer { b in
                    ZeekTSVParser.nextSeparator(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: from, count: b.count,
                                                separator, UInt64(separator) &* 0x0101_0101_0101_0101)
                }
                #expect(found == expected)
            }
        }
    }

    @Test("events: a copy keeps its values when either side changes")
    func eventCopiesAreIndependent() {
        func add(_ e: inout LogEvent, _ role: FieldRole, _ s: String) { _ = Array(s.utf8).withUnsafeBufferPointer { e.add(role, $0) } }
        var a = LogEvent()
        add(&a, .domain, "first.example")
        add(&a, .timestamp, "1795651200.500000")
        var b = a
        add(&b, .domain, "second.example")
        add(&a, .domain, "third.example")
        for i in 0..<100 { add(&b, .domain, "grow\(i).example") }

        #expect(a.fields.map { a.string(of: $0) } == ["first.example", "third.example"])
        #expect(b.fields.prefix(2).map { b.string(of: $0) } == ["first.example", "second.example"])
        #expect(b.fields.count == 102)
        #expect(a.timestamp == 1_795_651_200.5)
        a.reset()
        #expect(a.fields.isEmpty && a.timestamp == nil)
        #expect(b.timestamp == 1_795_651_200.5)
    }
}
