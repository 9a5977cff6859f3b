/// Strict IP address and CIDR text for detection entries.
///
/// Unlike the matcher's `AddressRange` (which follows `inet_aton`, as the reference matcher does), a
/// sensor's list must hold exactly the address the analyst meant: `10.1` or `010.0.0.1` are refused
/// rather than guessed, and what is written out is the canonical form (RFC 5952 for IPv6).
public struct DetectionAddress: Sendable, Hashable {
    public enum Family: Sendable, Hashable { case v4, v6 }

    public var family: Family
    /// Address bits, left-aligned in 128 bits (IPv4 uses the high 32).
    var high: UInt64
    var low: UInt64
    /// The prefix length; 32 or 128 for a single address.
    public var prefix: Int

    /// Whether this is one address rather than a block.
    public var isSingle: Bool { prefix == (family == .v4 ? 32 : 128) }

    /// Parses `192.0.2.1`, `192.0.2.0/24`, `2001:db8::1` or `2001:db8::/32`; `nil` for anything else.
    /// Host bits of a block are cleared.
    public static func parse(_ text: String) -> DetectionAddress? {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0])
        var result: DetectionAddress
        if address.contains(":") {
            guard let (high, low) = IPv6Parser.parse(address) else { return nil }
            result = DetectionAddress(family: .v6, high: high, low: low, prefix: 128)
        } else {
            guard let value = dottedQuad(address) else { return nil }
            result = DetectionAddress(family: .v4, high: UInt64(value) << 32, low: 0, prefix: 32)
        }
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 3, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  let prefix = Int(digits), prefix <= result.prefix else { return nil }
            result.prefix = prefix
            let (maskHigh, maskLow) = Self.mask(prefix)
            result.high &= maskHigh
            result.low &= maskLow
        }
        return result
    }

    /// Whether `other` (an address or block) lies inside `self`, or overlaps it.
    public func overlaps(_ other: DetectionAddress) -> Bool {
        guard family == other.family else { return false }
        let (maskHigh, maskLow) = Self.mask(min(prefix, other.prefix))
        return high & maskHigh == other.high & maskHigh && low & maskLow == other.low & maskLow
    }

    /// The canonical text: the address, with `/prefix` for a block.
    public var text: String {
        let address: String
        switch family {
        case .v4:
            let value = UInt32(truncatingIfNeeded: high >> 32)
            address = "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
        case .v6:
            address = Self.ipv6Text(high: high, low: low)
        }
        return isSingle ? address : "\(address)/\(prefix)"
    }

    /// RFC 5952: IPv4-mapped addresses in their dotted form; otherwise lower-case, no leading zeros, the longest run (the first of equals) of two or more zero groups as `::`.
    private static func ipv6Text(high: UInt64, low: UInt64) -> String {
        if high == 0, low >> 32 == 0xFFFF {
            let v4 = UInt32(truncatingIfNeeded: low)
            return "::ffff:\(v4 >> 24).\(v4 >> 16 & 0xFF).\(v4 >> 8 & 0xFF).\(v4 & 0xFF)"
        }
        let groups = (0..<8).map { index -> UInt16 in
            let word = index < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> (UInt64(3 - index % 4) * 16))
        }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > best.length { best = (index, end - index) }
            index = end
        }
        func hex(_ range: Range<Int>) -> String { groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
        guard best.length >= 2 else { return hex(0..<8) }
        return hex(0..<best.start) + "::" + hex((best.start + best.length)..<8)
    }

    /// Four decimal octets, no leading zeros (which some parsers read as octal).
    private static func dottedQuad(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  part == "0" || !part.hasPrefix("0"), let byte = UInt32(part), byte <= 255 else { return nil }
            value = value << 8 | byte
        }
        return value
    }

    private static func mask(_ prefix: Int) -> (UInt64, UInt64) {
        if prefix >= 128 { return (.max, .max) }
        if prefix >= 64 { return (.max, prefix == 64 ? 0 : ~(UInt64.max >> (prefix - 64))) }
        return (prefix == 0 ? 0 : ~(UInt64.max >> prefix), 0)
    }
}
