/// A fast non-cryptographic 64-bit hash over bytes, 8 bytes per step, with a murmur3-style
/// finaliser. Used by the index tables and the JSON key matcher, always within one process (nothing
/// hashed is stored); never for security. Only 64-bit multiplies, so it inlines completely (the
/// standard library's `multipliedFullWidth` is an out-of-line call here).
public enum ByteHash {
    @inline(__always)
    static func round(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// Hashes `bytes` with an optional `seed` (callers seed with a kind to separate key spaces).
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0xA076_1D64_78BD_642F &* (seed &+ 1) ^ UInt64(truncatingIfNeeded: n) &* 0xE703_7ED1_A0B4_28DB
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            if n >= 8 {
                var i = 0
                while i + 8 < n {
                    h = round(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    i += 8
                }
                // The last 8 bytes, overlapping the previous word when n is not a multiple of 8
                // (the length is already in `h`, so overlaps cannot collide with shorter keys).
                h = round(h, raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            } else if n >= 4 {
                let a = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                let b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
                h = round(h, a << 32 | b)
            } else if n > 0 {
                let w = UInt64(base[0]) << 16 | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1])
                h = round(h, w)
            }
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
