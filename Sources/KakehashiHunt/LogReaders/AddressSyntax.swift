/// Byte-level recognition and parsing of IPv4/IPv6 address text, without allocating.
public enum AddressSyntax {
    /// `.ipv4` or `.ipv6` when `b` is address text, else nil.
    public static func kind(of b: UnsafeBufferPointer<UInt8>) -> ObservableKind? {
        if parseIPv4(b) != nil { return .ipv4 }
        if parseIPv6(b) != nil { return .ipv6 }
        return nil
    }

    /// Parses dotted-quad text to a big-endian-ordered 32-bit value: four groups of one to three
    /// decimal digits (leading zeros allowed), each at most 255, separated by dots.
    @inline(__always)
    public static func parseIPv4(_ b: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let n = b.count
        guard n >= 7, n <= 15, let p = b.baseAddress else { return nil }
        var i = 0
        var result: UInt32 = 0
        for part in 0..<4 {
            if part > 0 {
                guard i < n, p[i] == UInt8(ascii: ".") else { return nil }
                i += 1
            }
            guard i < n else { return nil }
            var octet = UInt32(p[i] &- 48)
            guard octet < 10 else { return nil }
            i += 1
            if i < n, p[i] &- 48 < 10 {
                octet = octet &* 10 &+ UInt32(p[i] &- 48)
                i += 1
                if i < n, p[i] &- 48 < 10 {
                    octet = octet &* 10 &+ UInt32(p[i] &- 48)
                    i += 1
                }
            }
            guard octet <= 255 else { return nil }
            result = result << 8 | octet
        }
        return i == n ? result : nil
    }

    /// Parses IPv6 text (with `::` compression, an optional embedded IPv4 tail and `%zone`).
    public static func parseIPv6(_ b: UnsafeBufferPointer<UInt8>) -> (hi: UInt64, lo: UInt64)? {
        guard b.count >= 2, b.count <= 64, b.contains(UInt8(ascii: ":")) else { return nil }
        var end = b.count
        if let pct = b.firstIndex(of: UInt8(ascii: "%")) { end = pct }
        var groups = [UInt16](repeating: 0, count: 8)
        var count = 0
        var gap = -1
        var i = 0
        if end >= 2 && b[0] == UInt8(ascii: ":") {
            guard b[1] == UInt8(ascii: ":") else { return nil }
            gap = 0; i = 2
        }
        while i < end {
            var value: UInt32 = 0
            var digits = 0
            let groupStart = i
            while i < end, let h = hexValue(b[i]) {
                value = value << 4 | UInt32(h); digits += 1; i += 1
                guard digits <= 4 else { return nil }
            }
            if i < end && b[i] == UInt8(ascii: ".") {
                // Embedded IPv4 in the last 32 bits.
                guard count <= 6, let v4 = parseIPv4(UnsafeBufferPointer(rebasing: b[groupStart..<end])) else { return nil }
                groups[count] = UInt16(v4 >> 16); groups[count + 1] = UInt16(v4 & 0xFFFF); count += 2
                i = end
                break
            }
            guard digits > 0, count < 8 else { return nil }
            groups[count] = UInt16(value); count += 1
            if i == end { break }
            guard b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            if i < end && b[i] == UInt8(ascii: ":") {
                guard gap < 0 else { return nil }
                gap = count; i += 1
            } else if i == end { return nil }
        }
        if gap >= 0 {
            guard count < 8 else { return nil }
            let tail = count - gap
            for k in 0..<tail { groups[7 - k] = groups[count - 1 - k] }
            for k in gap..<(8 - tail) { groups[k] = 0 }
        } else {
            guard count == 8 else { return nil }
        }
        var hi: UInt64 = 0, lo: UInt64 = 0
        for k in 0..<4 { hi = hi << 16 | UInt64(groups[k]) }
        for k in 4..<8 { lo = lo << 16 | UInt64(groups[k]) }
        return (hi, lo)
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt8? {
        if c &- 48 < 10 { return c &- 48 }
        let l = c | 0x20
        if l &- 97 < 6 { return l &- 87 }
        return nil
    }
}
