/// A `PrefixTrie` copied into raw memory for lookups: no reference counting or copy-on-write
/// checks on the per-event path. Immutable once made.
public struct FrozenPrefixTrie: @unchecked Sendable {
    // Written once in init, never mutated, freed by the owning index: safe to share across threads.
    private let keyHi: UnsafeMutableBufferPointer<UInt64>
    private let keyLo: UnsafeMutableBufferPointer<UInt64>
    private let length: UnsafeMutableBufferPointer<UInt8>
    private let left: UnsafeMutableBufferPointer<Int32>
    private let right: UnsafeMutableBufferPointer<Int32>
    private let head: UnsafeMutableBufferPointer<Int32>
    private let strideRoots: UnsafeMutableBufferPointer<Int32>
    private let shortRoot: Int32
    /// Number of distinct prefixes.
    public let prefixCount: Int

    init(_ t: PrefixTrie) {
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = p.initialize(from: a)
            return p
        }
        keyHi = copy(t.keyHi); keyLo = copy(t.keyLo); length = copy(t.length)
        left = copy(t.left); right = copy(t.right); head = copy(t.head)
        strideRoots = copy(t.strideRoots.isEmpty ? [Int32](repeating: -1, count: 65_536) : t.strideRoots)
        shortRoot = t.shortRoot
        prefixCount = t.prefixCount
    }

    /// Frees the memory; the owner (`IndicatorIndex`) calls this once, in its deinit.
    func deallocate() {
        keyHi.deallocate(); keyLo.deallocate(); length.deallocate()
        left.deallocate(); right.deallocate(); head.deallocate(); strideRoots.deallocate()
    }

    /// Appends the posting head of every stored prefix containing the address `k`.
    @inline(__always)
    public func collect(_ k: IPKey, into heads: inout HeadBuffer) {
        if shortRoot >= 0 { walk(shortRoot, k, &heads) }
        let r = strideRoots[Int(k.hi >> 48)]
        if r >= 0 { walk(r, k, &heads) }
    }

    @inline(__always)
    private func walk(_ start: Int32, _ k: IPKey, _ heads: inout HeadBuffer) {
        var n = Int(start)
        while true {
            let len = Int(length[n])
            guard k.commonPrefix(with: IPKey(hi: keyHi[n], lo: keyLo[n]), limit: len) == len else { return }
            if head[n] >= 0 { heads.append(head[n]) }
            if len >= 128 { return }
            let child = k.bit(len) == 0 ? left[n] : right[n]
            guard child >= 0 else { return }
            n = Int(child)
        }
    }

    /// Bytes used.
    public var memoryBytes: Int { keyHi.count * 29 + strideRoots.count * 4 }
}
