/// An IPv4 or IPv6 address or prefix as 128 bits, most significant first (IPv4 uses the top 32 bits
/// of `hi`), so one trie implementation serves both families.
public struct IPKey: Sendable, Hashable {
    /// Top 64 bits.
    public var hi: UInt64
    /// Bottom 64 bits.
    public var lo: UInt64

    /// A key from raw halves.
    public init(hi: UInt64, lo: UInt64) { self.hi = hi; self.lo = lo }

    /// An IPv4 address in the top 32 bits.
    public init(v4: UInt32) { hi = UInt64(v4) << 32; lo = 0 }

    /// Bit `i` (0 = most significant).
    @inline(__always)
    func bit(_ i: Int) -> Int {
        i < 64 ? Int(truncatingIfNeeded: (hi >> (63 - UInt64(i))) & 1) : Int(truncatingIfNeeded: (lo >> (127 - UInt64(i))) & 1)
    }

    /// The key with all bits from `length` on cleared.
    public func masked(to length: Int) -> IPKey {
        if length <= 0 { return IPKey(hi: 0, lo: 0) }
        if length >= 128 { return self }
        if length <= 64 { return IPKey(hi: length == 64 ? hi : hi & ~(UInt64.max >> UInt64(length)), lo: 0) }
        return IPKey(hi: hi, lo: lo & ~(UInt64.max >> UInt64(length - 64)))
    }

    /// Number of leading bits shared with `other`, at most `limit`.
    @inline(__always)
    func commonPrefix(with other: IPKey, limit: Int) -> Int {
        let x = hi ^ other.hi
        let n = x != 0 ? x.leadingZeroBitCount : 64 + (lo ^ other.lo).leadingZeroBitCount
        return min(n, limit)
    }

    /// Parses `a.b.c.d/len` or an IPv6 CIDR (a bare address means a full-length prefix).
    /// Returns the masked key, the prefix length and whether it is IPv6.
    public static func parseCIDR(_ text: String) -> (key: IPKey, length: Int, v6: Bool)? {
        var bytes = Array(text.utf8)
        var length: Int?
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            guard let n = Int(String(decoding: bytes[(slash + 1)...], as: UTF8.self)) else { return nil }
            length = n
            bytes = Array(bytes[..<slash])
        }
        return bytes.withUnsafeBufferPointer { b -> (IPKey, Int, Bool)? in
            if let v4 = AddressSyntax.parseIPv4(b) {
                let len = length ?? 32
                guard (0...32).contains(len) else { return nil }
                return (IPKey(v4: v4).masked(to: len), len, false)
            }
            if let v6 = AddressSyntax.parseIPv6(b) {
                let len = length ?? 128
                guard (0...128).contains(len) else { return nil }
                return (IPKey(hi: v6.hi, lo: v6.lo).masked(to: len), len, true)
            }
            return nil
        }
    }
}
