/// A `PrefixTrie` copied into raw memory for lookups: no reference counting or copy-on-write
/// checks on the per-event path. Immutable once made.
public struct FrozenPrefixTrie: @unchecked Sendable {
    // Written once in init, never mutated, freed by the owning index: safe to share across threads.
    /// One node in 32 bytes, so visiting a node costs one cache line.
    struct Node {
        var hi: UInt64
        var lo: UInt64
        var children: (Int32, Int32)
        var head: Int32
        var length: Int32
    }
    private let nodes: UnsafeMutableBufferPointer<Node>
    /// Per top-16-bit slot: the subtree root and its first 32 prefix bits, so most addresses are
    /// rejected from this table without touching a node.
    struct Slot {
        var root: Int32
        /// Bits 16–31 of the root prefix (bits 0–15 are the slot number) and, in the low byte, the
        /// root's prefix length capped at 32.
        var packed: UInt32
    }
    private let strideRoots: UnsafeMutableBufferPointer<Slot>
    /// One bit per slot that has a subtree: 8 KB, so an empty slot costs no cache miss.
    private let occupied: UnsafeMutableBufferPointer<UInt64>
    private let shortRoot: Int32
    private let hasStride: Bool
    /// Number of distinct prefixes.
    public let prefixCount: Int

    init(_ t: PrefixTrie) {
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = p.initialize(from: a)
            return p
        }
        nodes = copy(t.keyHi.indices.map { n in
            Node(hi: t.keyHi[n], lo: t.keyLo[n], children: (t.left[n], t.right[n]), head: t.head[n], length: Int32(t.length[n]))
        })
        // An unused table costs one slot, not 65,536.
        hasStride = !t.strideRoots.isEmpty
        let roots = hasStride ? t.strideRoots : [-1]
        strideRoots = copy(roots.map { r in
            guard r >= 0 else { return Slot(root: -1, packed: 0) }
            let top = UInt32(truncatingIfNeeded: t.keyHi[Int(r)] >> 32)
            return Slot(root: r, packed: (top & 0xFFFF) << 8 | UInt32(min(Int(t.length[Int(r)]), 32)))
        })
        var bits = [UInt64](repeating: 0, count: 1024)
        for (i, r) in roots.enumerated() where r >= 0 { bits[i >> 6] |= 1 << UInt64(i & 63) }
        occupied = copy(bits)
        shortRoot = t.shortRoot
        prefixCount = t.prefixCount
    }

    /// Frees the memory; the owner (`IndicatorIndex`) calls this once, in its deinit.
    func deallocate() {
        nodes.deallocate(); strideRoots.deallocate(); occupied.deallocate()
    }

    /// Appends the posting head of every stored prefix containing the address `k`.
    @inline(__always)
    public func collect(_ k: IPKey, into heads: inout HeadBuffer) {
        if shortRoot >= 0 { walk(shortRoot, k, &heads) }
        guard hasStride else { return }
        let index = Int(k.hi >> 48)
        guard occupied[index >> 6] >> UInt64(index & 63) & 1 != 0 else { return }
        let slot = strideRoots[index]
        // The root's prefix length is 16...32 here (deeper roots are capped at 32); compare the
        // address's bits 16..<length with the root's before touching any node.
        let length = slot.packed & 0xFF
        let low = UInt32(truncatingIfNeeded: k.hi >> 32) & 0xFFFF
        if length > 16, (low ^ (slot.packed >> 8)) >> (32 - length) != 0 { return }
        walk(slot.root, k, &heads)
    }

    // Out of line: reached only for addresses under a stored prefix's first 16 bits.
    @inline(never)
    private func walk(_ start: Int32, _ k: IPKey, _ heads: inout HeadBuffer) {
        var n = Int(start)
        while true {
            let node = nodes[n]
            let len = Int(node.length)
            guard k.commonPrefix(with: IPKey(hi: node.hi, lo: node.lo), limit: len) == len else { return }
            if node.head >= 0 { heads.append(node.head) }
            if len >= 128 { return }
            let child = k.bit(len) == 0 ? node.children.0 : node.children.1
            guard child >= 0 else { return }
            n = Int(child)
        }
    }

    /// Bytes used.
    public var memoryBytes: Int { nodes.count * MemoryLayout<Node>.stride + strideRoots.count * MemoryLayout<Slot>.stride }
}
