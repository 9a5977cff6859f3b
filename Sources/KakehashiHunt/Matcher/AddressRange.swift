/// An IP address or CIDR block for `ISSUBSET` / `ISSUPERSET`.
///
/// IPv4 parsing follows the reference matcher, which uses C `inet_aton` (so `10.1`, `0x0a.0.0.1`
/// and octal parts are accepted, and anything after trailing whitespace is ignored) and requires
/// CIDR prefixes from 1 to 32. IPv6 is an extension: the reference rejects IPv6 with an error,
/// this matcher compares IPv6 addresses and blocks (prefix 1…128).
struct AddressRange: Sendable, Hashable {
    enum Family: Sendable { case v4, v6 }

    var family: Family
    /// Address bits, left-aligned in 128 bits (IPv4 uses the high 32).
    var high: UInt64
    var low: UInt64
    var prefix: Int

    /// Parses an address (`prefix` = full length) or, with a `/`, a CIDR block.
    static func parse(_ text: String, requirePrefix: Bool) -> AddressRange? {
        parse(bytes: Array(text.utf8)[...], requirePrefix: requirePrefix)
    }

    private static func parse(bytes: ArraySlice<UInt8>, requirePrefix: Bool) -> AddressRange? {
        let slash = bytes.firstIndex(of: 0x2F)
        if requirePrefix && slash == nil { return nil }
        let address = bytes[..<(slash ?? bytes.endIndex)]
        let isV6 = address.contains(0x3A)
        var prefix = isV6 ? 128 : 32
        if let slash {
            let digits = bytes[(slash + 1)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard (1...prefix).contains(value) else { return nil }
            prefix = value
        }
        if isV6 {
            guard let (high, low) = IPv6Parser.parse(String(decoding: address, as: UTF8.self)) else { return nil }
            return AddressRange(family: .v6, high: high, low: low, prefix: prefix)
        }
        guard let value = IPv4Parser.inetAton(address) else { return nil }
        return AddressRange(family: .v4, high: UInt64(value) << 32, low: 0, prefix: prefix)
    }

    /// Whether `self` (an address or block) lies inside `container`.
    func isInside(_ container: AddressRange) -> Bool {
        guard family == container.family, container.prefix <= prefix else { return false }
        let (maskHigh, maskLow) = Self.mask(container.prefix)
        return high & maskHigh == container.high & maskHigh && low & maskLow == container.low & maskLow
    }

    private static func mask(_ prefix: Int) -> (UInt64, UInt64) {
        if prefix >= 128 { return (.max, .max) }
        if prefix >= 64 { return (.max, prefix == 64 ? 0 : ~(UInt64.max >> (prefix - 64))) }
        return (prefix == 0 ? 0 : ~(UInt64.max >> prefix), 0)
    }
}
