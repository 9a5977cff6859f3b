/// Every anchor of every compiled indicator, organised so the work per event does not grow with
/// the number of indicators: one hash table for equality, Patricia tries for address prefixes,
/// Aho–Corasick automata for substrings, and short lists for type-presence fallbacks.
///
/// A *term* is one (indicator, observation expression) pair; lookups report term ids.
public struct IndicatorIndex: Sendable {
    private var postings = PostingLists()
    private var equal = ByteKeyTable(expectedKeys: 1024)
    private var tries = [PrefixTrie](repeating: PrefixTrie(), count: IndexField.allCases.count * 2)
    private var automata = [SubstringAutomaton](repeating: SubstringAutomaton(), count: IndexField.allCases.count)
    private var presence = [[UInt32]](repeating: [], count: ProducedObjectType.allCases.count)
    private var equalFields: UInt32 = 0
    private var trieFields: UInt32 = 0
    private var automatonFields: UInt32 = 0
    /// Indicator number of each term.
    public private(set) var termIndicator: [UInt32] = []
    /// Observation-expression number (within its indicator) of each term.
    public private(set) var termObservation: [UInt16] = []

    /// An empty index.
    public init() {}

    /// Number of terms.
    public var termCount: Int { termIndicator.count }

    /// Adds a term with its anchors; returns its id.
    @discardableResult
    public mutating func addTerm(indicator: UInt32, observation: UInt16, anchors: [Anchor]) -> UInt32 {
        let term = UInt32(termIndicator.count)
        termIndicator.append(indicator)
        termObservation.append(observation)
        for anchor in anchors {
            switch anchor {
            case .equal(let field, let bytes):
                equalFields |= 1 << field.rawValue
                bytes.withUnsafeBufferPointer { b in
                    equal.update(field: field.rawValue, b) { head in postings.push(term, onto: head) }
                }
            case .prefix(let field, let key, let length, let v6):
                trieFields |= 1 << (UInt32(field.rawValue) * 2 + (v6 ? 1 : 0))
                tries[Int(field.rawValue) * 2 + (v6 ? 1 : 0)].insert(key, length: length, termID: term, postings: &postings)
            case .substring(let field, let bytes):
                automatonFields |= 1 << field.rawValue
                automata[Int(field.rawValue)].add(bytes, termID: term, postings: &postings)
            case .presence(let type):
                presence[Int(type.rawValue)].append(term)
            }
        }
        return term
    }

    /// Builds the automata; call once after the last `addTerm`.
    public mutating func finalize() {
        for i in automata.indices where !automata[i].isEmpty { automata[i].build() }
    }

    /// Calls `body` with every term whose anchors the event hits (a term may be reported twice).
    @inline(__always)
    public func forEachCandidate(in event: LogEvent, _ body: (UInt32) -> Void) {
        func emit(_ head: Int32) { postings.forEach(from: head, body) }
        var present: UInt32 = 0
        event.arena.withUnsafeBufferPointer { arena in
            for (i, field) in event.fields.enumerated() {
                let bytes = UnsafeBufferPointer(rebasing: arena[Int(field.start)..<Int(field.start + field.count)])
                let primary: IndexField
                switch field.kind {
                case .ipv4: primary = .ipv4Value; present |= 1 << ProducedObjectType.ipv4Addr.rawValue
                case .ipv6: primary = .ipv6Value; present |= 1 << ProducedObjectType.ipv6Addr.rawValue
                case .domain: primary = .domainValue; present |= 1 << ProducedObjectType.domainName.rawValue
                case .url: primary = .urlValue; present |= 1 << ProducedObjectType.url.rawValue
                case .email: primary = .emailValue; present |= 1 << ProducedObjectType.emailAddr.rawValue
                case .md5: primary = .md5; present |= 1 << ProducedObjectType.file.rawValue
                case .sha1: primary = .sha1; present |= 1 << ProducedObjectType.file.rawValue
                case .sha256: primary = .sha256; present |= 1 << ProducedObjectType.file.rawValue
                }
                look(primary, bytes, emit)
                if primary == .ipv4Value || primary == .ipv6Value {
                    let v6 = primary == .ipv6Value
                    var key: IPKey?
                    if trieFields != 0 { key = Self.addressKey(bytes, v6: v6) }
                    if let key { probeTrie(primary, v6, key, emit) }
                    if i == event.srcIP {
                        look(.trafficSrcAddr, bytes, emit)
                        if let key { probeTrie(.trafficSrcAddr, v6, key, emit) }
                    }
                    if i == event.dstIP {
                        look(.trafficDstAddr, bytes, emit)
                        if let key { probeTrie(.trafficDstAddr, v6, key, emit) }
                    }
                }
            }
            if event.srcIP >= 0 || event.dstIP >= 0 {
                present |= 1 << ProducedObjectType.networkTraffic.rawValue
                if event.srcPort >= 0 { lookPort(.trafficSrcPort, event.srcPort, emit) }
                if event.dstPort >= 0 { lookPort(.trafficDstPort, event.dstPort, emit) }
                if event.proto.count > 0 {
                    let p = UnsafeBufferPointer(rebasing: arena[Int(event.proto.start)..<Int(event.proto.start + event.proto.count)])
                    look(.trafficProtocol, p, emit)
                }
            }
        }
        if present != 0 {
            for type in ProducedObjectType.allCases where present & (1 << type.rawValue) != 0 {
                for term in presence[Int(type.rawValue)] { body(term) }
            }
        }
    }

    @inline(__always)
    private func look(_ field: IndexField, _ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Int32) -> Void) {
        if equalFields & (1 << field.rawValue) != 0 {
            let head = equal.lookup(field: field.rawValue, bytes)
            if head >= 0 { emit(head) }
        }
        if automatonFields & (1 << field.rawValue) != 0 {
            automata[Int(field.rawValue)].forEachMatch(bytes, emit)
        }
    }

    @inline(__always)
    private func probeTrie(_ field: IndexField, _ v6: Bool, _ key: IPKey, _ emit: (Int32) -> Void) {
        let slot = Int(field.rawValue) * 2 + (v6 ? 1 : 0)
        guard trieFields & (1 << UInt32(slot)) != 0 else { return }
        tries[slot].forEachMatch(key, emit)
    }

    private func lookPort(_ field: IndexField, _ port: Int32, _ emit: (Int32) -> Void) {
        guard equalFields & (1 << field.rawValue) != 0 else { return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var n = Int(port)
            var count = 0
            repeat { raw[4 - count] = UInt8(48 + n % 10); n /= 10; count += 1 } while n > 0
            let b = UnsafeBufferPointer(rebasing: UnsafeRawBufferPointer(raw).bindMemory(to: UInt8.self)[(5 - count)...])
            let head = equal.lookup(field: field.rawValue, b)
            if head >= 0 { emit(head) }
        }
    }

    @inline(__always)
    static func addressKey(_ bytes: UnsafeBufferPointer<UInt8>, v6: Bool) -> IPKey? {
        if !v6 { return AddressSyntax.parseIPv4(bytes).map { IPKey(v4: $0) } }
        return AddressSyntax.parseIPv6(bytes).map { IPKey(hi: $0.hi, lo: $0.lo) }
    }

    /// Approximate bytes used by the index structures.
    public var memoryBytes: Int {
        postings.memoryBytes + equal.memoryBytes + tries.reduce(0) { $0 + $1.memoryBytes }
            + automata.reduce(0) { $0 + $1.memoryBytes } + termIndicator.capacity * 6
    }
}
