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
