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

/// glibc `inet_aton`: one to four parts, each decimal, octal (`0…`) or hex (`0x…`).
enum IPv4Parser {
    static func inetAton(_ text: String) -> UInt32? {
        inetAton(Array(text.utf8)[...])
    }

    static func inetAton(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        let bytes = Array(bytes)
        var index = 0
        var parts: [UInt64] = []
        var value: UInt64 = 0
        while true {
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            value = 0
            var base: UInt64 = 10
            var sawDigit = false
            if bytes[index] == 0x30 {
                index += 1
                if index < bytes.count, bytes[index] == 0x78 || bytes[index] == 0x58 {
                    base = 16
                    index += 1
                } else {
                    base = 8
                    sawDigit = true
                }
            }
            while index < bytes.count {
                let c = bytes[index]
                let digit: UInt64
                if (0x30...0x39).contains(c) {
                    if base == 8 && c >= 0x38 { return nil }
                    digit = UInt64(c - 0x30)
                } else if base == 16, let hex = hexDigit(c) {
                    digit = hex
                } else {
                    break
                }
                value = value * base + digit
                guard value <= 0xFFFF_FFFF else { return nil }
                sawDigit = true
                index += 1
            }
            if index < bytes.count, bytes[index] == 0x2E {
                guard parts.count < 3, value <= 0xFF else { return nil }
                parts.append(value)
                index += 1
                continue
            }
            if index < bytes.count, ![0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[index]) { return nil }
            guard sawDigit else { return nil }
            break
        }
        let limits: [UInt64] = [0xFFFF_FFFF, 0xFF_FFFF, 0xFFFF, 0xFF]
        guard value <= limits[parts.count] else { return nil }
        var result = value
        for (position, part) in parts.enumerated() { result |= part << (24 - 8 * UInt64(position)) }
        return UInt32(result)
    }

    private static func hexDigit(_ c: UInt8) -> UInt64? {
        switch c {
        case 0x30...0x39: UInt64(c - 0x30)
        case 0x41...0x46: UInt64(c - 0x41 + 10)
        case 0x61...0x66: UInt64(c - 0x61 + 10)
        default: nil
        }
    }
}

/// RFC 4291 text forms, including `::` compression and a trailing dotted IPv4 part.
enum IPv6Parser {
    static func parse(_ text: String) -> (UInt64, UInt64)? {
        let scalars = Array(text.unicodeScalars)
        var gapAt: Int?
        for i in 0..<max(scalars.count - 1, 0) where scalars[i] == ":" && scalars[i + 1] == ":" {
            guard gapAt == nil || gapAt == i - 1 else { return nil }
            if gapAt == nil { gapAt = i }
        }
        var groups: [UInt16]
        if let gap = gapAt {
            let head = String(String.UnicodeScalarView(scalars[..<gap]))
            let tail = String(String.UnicodeScalarView(scalars[(gap + 2)...]))
            guard !tail.hasPrefix(":"), let first = groupsOf(head, allowDotted: false),
                  let second = groupsOf(tail, allowDotted: true), first.count + second.count < 8
            else { return nil }
            groups = first + Array(repeating: 0, count: 8 - first.count - second.count) + second
        } else {
            guard let all = groupsOf(text, allowDotted: true), all.count == 8 else { return nil }
            groups = all
        }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    private static func groupsOf(_ text: String, allowDotted: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if allowDotted, index == pieces.count - 1, piece.contains(".") {
                guard let v4 = dottedQuad(String(piece)) else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
            } else {
                guard !piece.isEmpty, piece.utf8.count <= 4,
                      piece.utf8.allSatisfy({ IPv6Parser.isHex($0) }), let group = UInt16(piece, radix: 16)
                else { return nil }
                groups.append(group)
            }
        }
        return groups
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }

    private static func dottedQuad(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  let byte = UInt32(part), byte <= 255 else { return nil }
            value = value << 8 | byte
        }
        return value
    }
}
