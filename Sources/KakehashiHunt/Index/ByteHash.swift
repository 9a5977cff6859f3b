/// A fast non-cryptographic 64-bit hash over bytes, 8 bytes per step (wyhash-style folding).
/// Used by the index tables and the JSON key matcher; never for security.
public enum ByteHash {
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let r = a.multipliedFullWidth(by: b)
        return r.high ^ r.low
    }

    /// Hashes `bytes` with an optional `seed` (callers seed with a kind to separate key spaces).
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed &* 0xA076_1D64_78BD_642F ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(h, 0xE703_7ED1_A0B4_28DB) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = mix(h ^ w, 0xE703_7ED1_A0B4_28DB)
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = mix(h ^ tail, 0x8EBC_6AF0_9C88_C6E3)
        }
        return mix(h, 0x5899_65CC_7537_4CC3)
    }
}
