/// RFC 3986 URI syntax, close to what `rfc3987-syntax` (stix2-validator's `uri` check) accepts.
enum URIFormat {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              isAlnum(bytes[0]), !STIXIdentifier.isDigit(bytes[0]),
              bytes[1..<colon].allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        var rest = bytes[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isValidRun(rest[(hash + 1)...], extra: "/?") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isValidRun(rest[(question + 1)...], extra: "/?") else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.dropFirst(2)
            let authorityEnd = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            guard isValidAuthority(afterSlashes[..<authorityEnd]) else { return false }
            rest = afterSlashes[authorityEnd...]
        }
        return isValidRun(rest, extra: "/")
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        STIXIdentifier.isLower(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || STIXIdentifier.isDigit(byte)
    }

    private static let unreserved = Set("-._~".utf8)
    private static let subDelims = Set("!$&'()*+,;=".utf8)

    /// pchar = unreserved / pct-encoded / sub-delims / ":" / "@", plus `extra`.
    private static func isValidRun(_ bytes: ArraySlice<UInt8>, extra: String, allowColonAt: Bool = true) -> Bool {
        var index = bytes.startIndex
        let extraBytes = Set(extra.utf8)
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, SimpleFormats.isHexDigit(bytes[index + 1]), SimpleFormats.isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isAlnum(byte) || unreserved.contains(byte) || subDelims.contains(byte) || extraBytes.contains(byte)
                || (allowColonAt && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")))
            else { return false }
            index += 1
        }
        return true
    }

    private static func isValidAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var hostPart = bytes
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            guard isValidRun(bytes[..<at], extra: ":", allowColonAt: false) else { return false }
            hostPart = bytes[(at + 1)...]
        }
        if hostPart.first == UInt8(ascii: "[") {
            guard let close = hostPart.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = String(decoding: hostPart[(hostPart.startIndex + 1)..<close], as: UTF8.self)
            guard IPAddressFormat.isIPv6(literal, allowPrefix: false) else { return false }
            let afterHost = hostPart[(close + 1)...]
            return afterHost.isEmpty || (afterHost.first == UInt8(ascii: ":") && afterHost.dropFirst().allSatisfy(STIXIdentifier.isDigit))
        }
        var host = hostPart
        if let colon = hostPart.lastIndex(of: UInt8(ascii: ":")) {
            guard hostPart[(colon + 1)...].allSatisfy(STIXIdentifier.isDigit) else { return false }
            host = hostPart[..<colon]
        }
        return isValidRun(host, extra: "", allowColonAt: false)
    }
}
