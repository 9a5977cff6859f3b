import Foundation
import Testing
@testable import KakehashiHunt

/// The index structures against brute force on generated data.
@Suite("Index structures")
struct IndexStructureTests {
    struct Rng: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func contains(_ prefix: IPKey, _ length: Int, _ address: IPKey) -> Bool {
        address.masked(to: length) == prefix
    }

    @Test("prefix trie finds exactly the prefixes containing an address (IPv4, short and long prefixes)")
    func prefixTrieV4() {
        var rng = Rng(state: 7)
        var postings = PostingLists()
        var trie = PrefixTrie()
        var stored: [(IPKey, Int)] = []
        for term in 0..<3000 {
            // Cluster addresses in a few /8s so prefixes nest and share paths.
            let base = UInt32([10, 172, 198, 203][Int(rng.next() % 4)]) << 24
            let address = IPKey(v4: base | UInt32(truncatingIfNeeded: rng.next()) & 0x00FF_FFFF)
            let length = Int(rng.next() % 33)
            let prefix = address.masked(to: length)
            stored.append((prefix, length))
            trie.insert(prefix, length: length, termID: UInt32(term), postings: &postings)
        }
        let frozen = FrozenPrefixTrie(trie)
        let lists = FrozenPostings(postings)
        defer { frozen.deallocate(); lists.deallocate() }

        for _ in 0..<3000 {
            let base = UInt32([10, 172, 198, 203, 8][Int(rng.next() % 5)]) << 24
            let address = IPKey(v4: base | UInt32(truncatingIfNeeded: rng.next()) & 0x00FF_FFFF)
            var heads = HeadBuffer()
            frozen.collect(address, into: &heads)
            var found = Set<UInt32>()
            for k in 0..<heads.count { lists.forEach(from: heads.base[k]) { found.insert($0) } }
            heads.deallocate()
            let expected = Set(stored.indices.filter { Self.contains(stored[$0].0, stored[$0].1, address) }.map(UInt32.init))
            #expect(found == expected)
        }
    }

    @Test("prefix trie finds every stored long prefix from an address inside it (no filter in front of the trie may hide one)")
    func prefixTrieFindsAddressesInsideScatteredPrefixes() {
        var rng = Rng(state: 11)
        var postings = PostingLists()
        var trie = PrefixTrie()
        var stored: [(IPKey, Int)] = []
        for term in 0..<2000 {
            let length = 16 + Int(rng.next() % 17)
            let prefix = IPKey(v4: UInt32(truncatingIfNeeded: rng.next())).masked(to: length)
            stored.append((prefix, length))
            trie.insert(prefix, length: length, termID: UInt32(term), postings: &postings)
        }
        let frozen = FrozenPrefixTrie(trie)
        let lists = FrozenPostings(postings)
        defer { frozen.deallocate(); lists.deallocate() }

        for (term, (prefix, length)) in stored.enumerated() {
            let inside = IPKey(v4: UInt32(truncatingIfNeeded: prefix.hi >> 32) | (length == 32 ? 0 : UInt32(truncatingIfNeeded: rng.next()) >> UInt32(length)))
            var heads = HeadBuffer()
            frozen.collect(inside, into: &heads)
            var found = Set<UInt32>()
            for k in 0..<heads.count { lists.forEach(from: heads.base[k]) { found.insert($0) } }
            heads.deallocate()
            let expected = Set(stored.indices.filter { Self.contains(stored[$0].0, stored[$0].1, inside) }.map(UInt32.init))
            #expect(found.contains(UInt32(term)) && found == expected)
        }
    }

    @Test("prefix trie handles IPv6 prefixes")
    func prefixTrieV6() throws {
        var postings = PostingLists()
        var trie = PrefixTrie()
        let cidrs = ["2001:db8::/32", "2001:db8:10::/48", "2001:db8:10::15/128", "::/0", "2001:db9::/32"]
        for (i, cidr) in cidrs.enumerated() {
            let p = try #require(IPKey.parseCIDR(cidr))
            trie.insert(p.key, length: p.length, termID: UInt32(i), postings: &postings)
        }
        let frozen = FrozenPrefixTrie(trie)
        let lists = FrozenPostings(postings)
        defer { frozen.deallocate(); lists.deallocate() }

        func terms(_ address: String) throws -> Set<UInt32> {
            let key = try #require(IPKey.parseCIDR(address)).key
            var heads = HeadBuffer()
            defer { heads.deallocate() }
            frozen.collect(key, into: &heads)
            var found = Set<UInt32>()
            for k in 0..<heads.count { lists.forEach(from: heads.base[k]) { found.insert($0) } }
            return found
        }
        #expect(try terms("2001:db8:10::15") == [0, 1, 2, 3])
        #expect(try terms("2001:db8:11::1") == [0, 3])
        #expect(try terms("fe80::1") == [3])
    }

    @Test("byte-key table: every inserted key found with all its terms, absent keys not found")
    func byteKeyTable() {
        var rng = Rng(state: 11)
        var table = ByteKeyTable(expectedKeys: 4)
        var postings = PostingLists()
        var expected: [[UInt8]: Set<UInt32>] = [:]
        for term in 0..<20_000 {
            let key = Array("k\(rng.next() % 8000)".utf8)
            key.withUnsafeBufferPointer { b in table.update(field: 3, b) { postings.push(UInt32(term), onto: $0) } }
            expected[key, default: []].insert(UInt32(term))
        }
        let frozen = FrozenByteKeyTable(table)
        let lists = FrozenPostings(postings)
        defer { frozen.deallocate(); lists.deallocate() }

        for (key, terms) in expected {
            var found = Set<UInt32>()
            let head = key.withUnsafeBufferPointer { frozen.lookup(field: 3, $0) }
            lists.forEach(from: head) { found.insert($0) }
            #expect(found == terms)
            #expect(key.withUnsafeBufferPointer { frozen.lookup(field: 4, $0) } == -1)
        }
        #expect(Array("k8000".utf8).withUnsafeBufferPointer { frozen.lookup(field: 3, $0) } == -1)
    }

    @Test("Aho–Corasick reports every literal contained in the text", arguments: [16_384, 0])
    func automaton(denseLimit: Int) {
        var rng = Rng(state: 5)
        let alphabet = Array("abcd.".utf8)
        func word(_ n: Int) -> [UInt8] { (0..<n).map { _ in alphabet[Int(rng.next() % 5)] } }
        var automaton = SubstringAutomaton()
        var postings = PostingLists()
        var literals: [[UInt8]] = []
        for term in 0..<300 {
            let literal = word(1 + Int(rng.next() % 6))
            literals.append(literal)
            automaton.add(literal, termID: UInt32(term), postings: &postings)
        }
        automaton.build(denseLimit: denseLimit)
        let lists = FrozenPostings(postings)
        defer { lists.deallocate() }

        for _ in 0..<300 {
            let text = word(Int(rng.next() % 40))
            var found = Set<UInt32>()
            text.withUnsafeBufferPointer { b in automaton.forEachMatch(b) { lists.forEach(from: $0) { found.insert($0) } } }
            let expected = Set(literals.indices.filter { i in
                let l = literals[i]
                return text.count >= l.count && (0...(text.count - l.count)).contains { text[$0..<($0 + l.count)].elementsEqual(l) }
            }.map(UInt32.init))
            #expect(found == expected)
        }
    }

    @Test("literal extraction: every regex match contains the extracted literal")
    func regexLiterals() throws {
        let cases: [(String, String?, [String])] = [
            ("^https?://evil\\.example/", "://evil.example/", ["http://evil.example/a", "https://evil.example/"]),
            ("abc?def", "def", ["abdef", "abcdef"]),
            ("(foo|bar)baz[0-9]+qux", "baz", ["foobaz1qux", "barbaz99qux"]),
            ("x{2,3}yz\\d", "yz", ["xxyz1", "xxxyz2"]),
            ("evil|good", nil, []),
            ("(?i)evil", nil, []),
            ("a.b", nil, []),
        ]
        for (regex, literal, samples) in cases {
            let extracted = LiteralExtractor.regex(regex).map { String(decoding: $0, as: UTF8.self) }
            #expect(extracted == literal, "\(regex)")
            let re = try NSRegularExpression(pattern: regex)
            for sample in samples {
                #expect(re.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil, "\(sample) ~ \(regex)")
                if let literal { #expect(sample.contains(literal)) }
            }
        }
        #expect(LiteralExtractor.like("%.evil-cdn.example").bytes == Array(".evil-cdn.example".utf8))
        #expect(LiteralExtractor.like("a_b%cdef").bytes == Array("cdef".utf8))
        #expect(LiteralExtractor.like("exact.example").whole)
    }
}
