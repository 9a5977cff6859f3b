/// IPv4 and IPv6 address syntax as the STIX 2.1 schemas accept it.
enum IPAddressFormat {
    /// Dotted quad without leading zeros, optional `/0`–`/32`.
    static func isIPv4(_ text: String) -> Bool {
        var address = Substring(text)
        if let slash = text.firstIndex(of: "/") {
            guard isDecimal(text[text.index(after: slash)...], max: 32) else { return false }
            address = text[..<slash]
        }
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { isDecimal($0, max: 255) }
    }

    /// Hex groups with at most one `::`, optional `%zone`, optional `/0`–`/128`.
    /// Embedded IPv4 (`::ffff:1.2.3.4`) is refused, as the schema's (broken) pattern refuses it.
    static func isIPv6(_ text: String, allowPrefix: Bool = true) -> Bool {
        var address = Substring(text)
        if allowPrefix, let slash = address.firstIndex(of: "/") {
            guard isDecimal(address[address.index(after: slash)...], max: 128) else { return false }
            address = address[..<slash]
        }
        if let percent = address.firstIndex(of: "%") {
            guard address.index(after: percent) < address.endIndex else { return false }
            address = address[..<percent]
        }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            if part.isEmpty { return [] }
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            guard items.allSatisfy({ (1...4).contains($0.utf8.count) && $0.utf8.allSatisfy(SimpleFormats.isHexDigit) }) else {
                return nil
            }
            return items
        }
        if halves.count == 1 {
            return groups(halves[0])?.count == 8
        }
        guard let head = groups(halves[0]), let tail = groups(halves[1]) else { return false }
        return head.count + tail.count <= 7
    }

    /// A decimal number without leading zeros, at most `max`.
    private static func isDecimal(_ text: Substring, max: Int) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 3, text.utf8.allSatisfy(STIXIdentifier.isDigit) else { return false }
        if text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0") { return false }
        return (Int(text) ?? Int.max) <= max
    }
}
