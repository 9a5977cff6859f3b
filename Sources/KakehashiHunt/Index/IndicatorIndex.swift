/// Every anchor of every compiled indicator, organised so the work per event does not grow with
/// the number of indicators: one hash table for equality, Patricia tries for address prefixes,
/// Aho–Corasick automata for substrings, and short lists for type-presence fallbacks.
///
/// A *term* is one (indicator, observation expression) pair; lookups report term ids.
/// Built with `IndexBuilder`; immutable (and so shared without copying) once built.
public final class IndicatorIndex: @unchecked Sendable {
    // Immutable after init; raw buffers are written once and freed in deinit.
    let postings: FrozenPostings
    let equal: FrozenByteKeyTable
    let postingBytes: Int
    let equalBytes: Int
    let tries: UnsafeMutableBufferPointer<FrozenPrefixTrie>
    let automata: [SubstringAutomaton]
    let presence: [[UInt32]]
    let presenceMask: UInt32
    let terms: UnsafeMutableBufferPointer<UInt32>
    let equalFields: UInt32
    let trieFields: UInt32
    let automatonFields: UInt32
    /// `equalFields | automatonFields`: fields worth a `look` at all, tested before the call.
    let lookFields: UInt32
    /// Indicator number of each term.
    public let termIndicator: [UInt32]
    /// Observation-expression number (within its indicator) of each term.
    public let termObservation: [UInt16]

    /// Freezes a builder (building its automata).
    public init(_ builder: IndexBuilder) {
        var b = builder
        for i in b.automata.indices where !b.automata[i].isEmpty { b.automata[i].build() }
        postings = FrozenPostings(b.postings); equal = FrozenByteKeyTable(b.equal)
        postingBytes = b.postings.memoryBytes; equalBytes = b.equal.memoryBytes
        tries = FrozenByteKeyTable.copy(b.tries.map(FrozenPrefixTrie.init)); automata = b.automata; presence = b.presence
        equalFields = b.equalFields; trieFields = b.trieFields; automatonFields = b.automatonFields
        lookFields = b.equalFields | b.automatonFields
        termIndicator = b.termIndicator; termObservation = b.termObservation
        terms = FrozenByteKeyTable.copy(b.termIndicator)
        var mask: UInt32 = 0
        for (i, list) in b.presence.enumerated() where !list.isEmpty { mask |= 1 << UInt32(i) }
        presenceMask = mask
    }

    deinit {
        postings.deallocate(); equal.deallocate()
        for t in tries { t.deallocate() }
        tries.deallocate(); terms.deallocate()
    }

    /// Number of terms.
    public var termCount: Int { termIndicator.count }

    /// The indicator number of `term` (raw-memory read for the per-event path).
    @inline(__always)
    public func indicator(ofTerm term: UInt32) -> UInt32 { terms[Int(term)] }

    /// Calls `body` with every term whose anchors the event hits (a term may be reported twice).
    @inline(__always)
    public func forEachCandidate(in event: LogEvent, heads: inout HeadBuffer, _ body: (UInt32) -> Void) {
        heads.count = 0
        let present = collectHeads(event, event.fields, event.arena, &heads)
        for k in 0..<heads.count { postings.forEach(from: heads.base[k], body) }
        let wanted = present & presenceMask
        if wanted != 0 {
            for type in ProducedObjectType.allCases where wanted & (1 << type.rawValue) != 0 {
                for term in presence[Int(type.rawValue)] { body(term) }
            }
        }
    }

    /// Looks every field up; appends posting heads to `heads`; returns the produced-type mask.
    @inline(__always)
    private func collectHeads(_ event: LogEvent, _ fields: UnsafeBufferPointer<LogEvent.Field>,
                              _ arena: UnsafeBufferPointer<UInt8>, _ heads: inout HeadBuffer) -> UInt32 {
        var present: UInt32 = 0
        for i in 0..<fields.count {
            let field = fields[i]
            let bytes = UnsafeBufferPointer(start: arena.baseAddress! + Int(field.start), count: Int(field.count))
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
            if wants(primary) { look(primary, bytes, &heads) }
            if primary == .ipv4Value || primary == .ipv6Value {
                let v6 = primary == .ipv6Value
                var key: IPKey?
                if trieFields != 0 { key = v6 ? Self.addressKey(bytes, v6: true) : IPKey(v4: field.v4) }
                if let key { probeTrie(primary, v6, key, &heads) }
                if i == event.srcIP {
                    if wants(.trafficSrcAddr) { look(.trafficSrcAddr, bytes, &heads) }
                    if let key { probeTrie(.trafficSrcAddr, v6, key, &heads) }
                }
                if i == event.dstIP {
                    if wants(.trafficDstAddr) { look(.trafficDstAddr, bytes, &heads) }
                    if let key { probeTrie(.trafficDstAddr, v6, key, &heads) }
                }
            }
        }
        if event.srcIP >= 0 || event.dstIP >= 0 {
            present |= 1 << ProducedObjectType.networkTraffic.rawValue
            if event.srcPort >= 0 { lookPort(.trafficSrcPort, event.srcPort, &heads) }
            if event.dstPort >= 0 { lookPort(.trafficDstPort, event.dstPort, &heads) }
            if event.proto.count > 0 && wants(.trafficProtocol) {
                let p = UnsafeBufferPointer(start: arena.baseAddress! + Int(event.proto.start), count: Int(event.proto.count))
                look(.trafficProtocol, p, &heads)
            }
        }
        return present
    }

    /// Whether any anchor is on `field` (equality or substring).
    @inline(__always)
    private func wants(_ field: IndexField) -> Bool { lookFields & (1 << field.rawValue) != 0 }

    @inline(__always)
    private func look(_ field: IndexField, _ bytes: UnsafeBufferPointer<UInt8>, _ heads: inout HeadBuffer) {
        if equalFields & (1 << field.rawValue) != 0 {
            let head = equal.lookup(field: field.rawValue, bytes)
            if head >= 0 { heads.append(head) }
        }
        if automatonFields & (1 << field.rawValue) != 0 { lookSubstrings(field, bytes, &heads) }
    }

    // Out of line so that `look`, called for every value, stays small enough to inline.
    @inline(never)
    private func lookSubstrings(_ field: IndexField, _ bytes: UnsafeBufferPointer<UInt8>, _ heads: inout HeadBuffer) {
        automata.withUnsafeBufferPointer { $0[Int(field.rawValue)].forEachMatch(bytes) { heads.append($0) } }
    }

    @inline(__always)
    private func probeTrie(_ field: IndexField, _ v6: Bool, _ key: IPKey, _ heads: inout HeadBuffer) {
        let slot = Int(field.rawValue) * 2 + (v6 ? 1 : 0)
        guard trieFields & (1 << UInt32(slot)) != 0 else { return }
        tries[slot].collect(key, into: &heads)
    }

    @inline(__always)
    private func lookPort(_ field: IndexField, _ port: Int32, _ heads: inout HeadBuffer) {
        guard equalFields & (1 << field.rawValue) != 0 else { return }
        lookPortSlow(field, port, &heads)
    }

    private func lookPortSlow(_ field: IndexField, _ port: Int32, _ heads: inout HeadBuffer) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        let head = withUnsafeMutableBytes(of: &digits) { raw -> Int32 in
            var n = Int(port)
            var count = 0
            repeat { raw[4 - count] = UInt8(48 + n % 10); n /= 10; count += 1 } while n > 0
            let b = UnsafeBufferPointer(rebasing: UnsafeRawBufferPointer(raw).bindMemory(to: UInt8.self)[(5 - count)...])
            return equal.lookup(field: field.rawValue, b)
        }
        if head >= 0 { heads.append(head) }
    }

    @inline(__always)
    static func addressKey(_ bytes: UnsafeBufferPointer<UInt8>, v6: Bool) -> IPKey? {
        if !v6 { return AddressSyntax.parseIPv4(bytes).map { IPKey(v4: $0) } }
        return AddressSyntax.parseIPv6(bytes).map { IPKey(hi: $0.hi, lo: $0.lo) }
    }

    /// Approximate bytes used by the index structures.
    public var memoryBytes: Int {
        postingBytes + equalBytes + tries.reduce(0) { $0 + $1.memoryBytes }
            + automata.reduce(0) { $0 + $1.memoryBytes } + termIndicator.capacity * 6
    }
}

/// Collects terms and their anchors; `IndicatorIndex(builder)` freezes it for lookups.
public struct IndexBuilder: Sendable {
    var postings = PostingLists()
    var equal = ByteKeyTable(expectedKeys: 1024)
    var tries = [PrefixTrie](repeating: PrefixTrie(), count: IndexField.allCases.count * 2)
    var automata = [SubstringAutomaton](repeating: SubstringAutomaton(), count: IndexField.allCases.count)
    var presence = [[UInt32]](repeating: [], count: ProducedObjectType.allCases.count)
    var equalFields: UInt32 = 0
    var trieFields: UInt32 = 0
    var automatonFields: UInt32 = 0
    var termIndicator: [UInt32] = []
    var termObservation: [UInt16] = []

    /// An empty builder.
    public init() {}

    /// Number of terms added.
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


}
