/// A path-compressed binary (Patricia) trie of IP prefixes with posting lists, stored in flat arrays.
/// Prefixes of 16 bits or more hang below a 65,536-entry table indexed by the address's top 16 bits,
/// so a lookup costs one table read plus a short walk, however many prefixes there are.
public struct PrefixTrie: Sendable {
    private(set) var keyHi: [UInt64] = []
    private(set) var keyLo: [UInt64] = []
    private(set) var length: [UInt8] = []
    private(set) var left: [Int32] = []
    private(set) var right: [Int32] = []
    private(set) var head: [Int32] = []
    private(set) var shortRoot: Int32 = -1
    private(set) var strideRoots: [Int32] = []
    /// Number of distinct prefixes inserted.
    public private(set) var prefixCount = 0

    /// An empty trie.
    public init() {}

    /// Whether no prefix was inserted.
    public var isEmpty: Bool { prefixCount == 0 }

    /// Adds `termID` under the prefix `key/len` (key already masked).
    public mutating func insert(_ key: IPKey, length len: Int, termID: UInt32, postings: inout PostingLists) {
        if len >= 16 {
            if strideRoots.isEmpty { strideRoots = Array(repeating: -1, count: 65_536) }
            let slot = Int(key.hi >> 48)
            var root = strideRoots[slot]
            insert(into: &root, key, len, termID, &postings)
            strideRoots[slot] = root
        } else {
            var root = shortRoot
            insert(into: &root, key, len, termID, &postings)
            shortRoot = root
        }
    }

    private mutating func newNode(_ key: IPKey, _ len: Int) -> Int32 {
        keyHi.append(key.hi); keyLo.append(key.lo); length.append(UInt8(len))
        left.append(-1); right.append(-1); head.append(-1)
        return Int32(keyHi.count - 1)
    }

    private func key(_ n: Int) -> IPKey { IPKey(hi: keyHi[n], lo: keyLo[n]) }

    private mutating func setChild(_ parent: Int, bit: Int, _ child: Int32) {
        if bit == 0 { left[parent] = child } else { right[parent] = child }
    }

    private mutating func addPosting(_ n: Int, _ termID: UInt32, _ postings: inout PostingLists) {
        if head[n] < 0 { prefixCount += 1 }
        head[n] = postings.push(termID, onto: head[n])
    }

    private mutating func insert(into link: inout Int32, _ k: IPKey, _ len: Int, _ termID: UInt32, _ postings: inout PostingLists) {
        guard link >= 0 else {
            let n = newNode(k, len); addPosting(Int(n), termID, &postings); link = n; return
        }
        var parent = -1
        var parentBit = 0
        var n = Int(link)
        while true {
            let nodeLen = Int(length[n])
            let common = k.commonPrefix(with: key(n), limit: min(len, nodeLen))
            if common < nodeLen {
                let replacement: Int32
                if common == len {
                    let fresh = newNode(k, len)
                    addPosting(Int(fresh), termID, &postings)
                    setChild(Int(fresh), bit: key(n).bit(len), Int32(n))
                    replacement = fresh
                } else {
                    let fork = newNode(k.masked(to: common), common)
                    let leaf = newNode(k, len)
                    addPosting(Int(leaf), termID, &postings)
                    setChild(Int(fork), bit: k.bit(common), leaf)
                    setChild(Int(fork), bit: key(n).bit(common), Int32(n))
                    replacement = fork
                }
                if parent < 0 { link = replacement } else { setChild(parent, bit: parentBit, replacement) }
                return
            }
            if len == nodeLen { addPosting(n, termID, &postings); return }
            let b = k.bit(nodeLen)
            let child = b == 0 ? left[n] : right[n]
            if child < 0 {
                let leaf = newNode(k, len)
                addPosting(Int(leaf), termID, &postings)
                setChild(n, bit: b, leaf)
                return
            }
            parent = n; parentBit = b; n = Int(child)
        }
    }

    /// Calls `body` with the posting head of every stored prefix containing the address `k`.
    @inline(__always)
    public func forEachMatch(_ k: IPKey, _ body: (Int32) -> Void) {
        if shortRoot >= 0 { walk(shortRoot, k, body) }
        if !strideRoots.isEmpty {
            let r = strideRoots[Int(k.hi >> 48)]
            if r >= 0 { walk(r, k, body) }
        }
    }

    @inline(__always)
    private func walk(_ start: Int32, _ k: IPKey, _ body: (Int32) -> Void) {
        var n = Int(start)
        while true {
            let len = Int(length[n])
            guard k.commonPrefix(with: key(n), limit: len) == len else { return }
            if head[n] >= 0 { body(head[n]) }
            if len >= 128 { return }
            let child = k.bit(len) == 0 ? left[n] : right[n]
            guard child >= 0 else { return }
            n = Int(child)
        }
    }

    /// Bytes used, for memory reports.
    public var memoryBytes: Int { keyHi.capacity * 29 + strideRoots.capacity * 4 }
}
