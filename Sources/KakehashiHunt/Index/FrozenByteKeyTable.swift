#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `ByteKeyTable` and its `PostingLists` copied into raw memory for lookups: no reference
/// counting or copy-on-write checks on the per-event path (the struct is plain data, so copies are
/// free). Immutable once made; `IndicatorIndex` owns the memory and frees it.
public struct FrozenByteKeyTable: @unchecked Sendable {
    // Written once in init, never mutated, freed by the owning index: safe to share across threads.
    private let slotHash: UnsafeMutableBufferPointer<UInt64>
    private let slotKey: UnsafeMutableBufferPointer<Int32>
    private let keyOffset: UnsafeMutableBufferPointer<UInt32>
    private let keyLength: UnsafeMutableBufferPointer<UInt32>
    private let keyField: UnsafeMutableBufferPointer<UInt8>
    private let keyHead: UnsafeMutableBufferPointer<Int32>
    private let arena: UnsafeMutableBufferPointer<UInt8>
    private let mask: Int
    // Blocked Bloom filters, one per field (4 bits in one 64-byte block per key, ~8 bits per key),
    // small enough to stay in cache, so the usual lookup — a value that is no indicator — never
    // touches the table. Per field, because the hot fields (addresses) then have small filters.
    private let bloom: UnsafeMutableBufferPointer<UInt64>
    private let bloomOffset: UnsafeMutableBufferPointer<Int>
    private let bloomMask: UnsafeMutableBufferPointer<UInt64>

    init(_ t: ByteKeyTable) {
        slotHash = Self.copy(t.slotHash); slotKey = Self.copy(t.slotKey)
        keyOffset = Self.copy(t.keyOffset); keyLength = Self.copy(t.keyLength)
        keyField = Self.copy(t.keyField); keyHead = Self.copy(t.keyHead); arena = Self.copy(t.arena)
        mask = t.mask
        var perField = [Int](repeating: 0, count: 256)
        for f in t.keyField { perField[Int(f)] += 1 }
        var offsets = [Int](repeating: 0, count: 256)
        var masks = [UInt64](repeating: 0, count: 256)
        var total = 0
        for f in 0..<256 {
            var blocks = 1
            while blocks * 64 < perField[f] { blocks <<= 1 }
            offsets[f] = total
            masks[f] = UInt64(blocks - 1)
            total += perField[f] == 0 ? 1 : blocks
        }
        bloom = .allocate(capacity: total * 8)
        bloom.initialize(repeating: 0)
        bloomOffset = Self.copy(offsets)
        bloomMask = Self.copy(masks)
        for (i, key) in t.slotKey.enumerated() where key >= 0 {
            let f = Int(t.keyField[Int(key)])
            Self.set(t.slotHash[i], bloom, base: (offsets[f] + Int(t.slotHash[i] & masks[f])) &* 8)
        }
    }

    @inline(__always)
    private static func bits(_ h: UInt64) -> (Int, Int, Int, Int) {
        (Int(h >> 40 & 511), Int(h >> 49 & 511), Int(h >> 31 & 511), Int(h >> 22 & 511))
    }

    private static func set(_ h: UInt64, _ bloom: UnsafeMutableBufferPointer<UInt64>, base: Int) {
        let (a, b, c, d) = bits(h)
        for bit in [a, b, c, d] { bloom[base + bit >> 6] |= 1 << UInt64(bit & 63) }
    }

    @inline(__always)
    private func mayContain(_ h: UInt64, field: UInt8) -> Bool {
        let base = (bloomOffset[Int(field)] + Int(h & bloomMask[Int(field)])) &* 8
        let (a, b, c, d) = Self.bits(h)
        return bloom[base + a >> 6] >> UInt64(a & 63) & bloom[base + b >> 6] >> UInt64(b & 63)
            & bloom[base + c >> 6] >> UInt64(c & 63) & bloom[base + d >> 6] >> UInt64(d & 63) & 1 != 0
    }

    static func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
        _ = p.initialize(from: a)
        return p
    }

    /// Frees the memory; the owner (`IndicatorIndex`) calls this once, in its deinit.
    func deallocate() {
        slotHash.deallocate(); slotKey.deallocate(); keyOffset.deallocate(); keyLength.deallocate()
        keyField.deallocate(); keyHead.deallocate(); arena.deallocate(); bloom.deallocate()
        bloomOffset.deallocate(); bloomMask.deallocate()
    }

    /// The posting head for (field, bytes), or -1.
    @inline(__always)
    public func lookup(field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = ByteHash.hash(bytes, seed: UInt64(field)) | 1
        guard mayContain(h, field: field) else { return -1 }
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slotKey[i]
            if k < 0 { return -1 }
            if slotHash[i] == h {
                let key = Int(k)
                if keyField[key] == field, Int(keyLength[key]) == bytes.count,
                   bytes.isEmpty || memcmp(arena.baseAddress! + Int(keyOffset[key]), bytes.baseAddress!, bytes.count) == 0 {
                    return keyHead[key]
                }
            }
            i = (i + 1) & mask
        }
    }
}

/// `PostingLists` in raw memory, immutable.
public struct FrozenPostings: @unchecked Sendable {
    // Written once in init, never mutated, freed by the owning index.
    private let term: UnsafeMutableBufferPointer<UInt32>
    private let next: UnsafeMutableBufferPointer<Int32>

    init(_ p: PostingLists) {
        term = FrozenByteKeyTable.copy(p.term)
        next = FrozenByteKeyTable.copy(p.next)
    }

    /// Frees the memory; the owner (`IndicatorIndex`) calls this once, in its deinit.
    func deallocate() { term.deallocate(); next.deallocate() }

    /// Calls `body` with each term id of the list starting at `head`.
    @inline(__always)
    public func forEach(from head: Int32, _ body: (UInt32) -> Void) {
        var e = head
        while e >= 0 {
            body(term[Int(e)])
            e = next[Int(e)]
        }
    }
}
