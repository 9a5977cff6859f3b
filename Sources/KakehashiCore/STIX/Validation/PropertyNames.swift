/// Rules for property and type names.
enum PropertyNames {
    /// stix2-validator's `properties.json` name rule, `^([a-z][a-z0-9_]{2,249})|id$` with its search semantics:
    /// a lowercase letter then two of `[a-z0-9_]`, or any name ending in `id`.
    static func isAcceptedName(_ name: String) -> Bool {
        let bytes = name.utf8
        if bytes.count >= 3 {
            var iterator = bytes.makeIterator()
            if let a = iterator.next(), let b = iterator.next(), let c = iterator.next(),
               STIXIdentifier.isLower(a), isNameChar(b), isNameChar(c) {
                return true
            }
        }
        return name.hasSuffix("id")
    }

    /// The specification's custom property name rule, `^[a-z0-9_]{3,250}$`.
    static func isSpecName(_ name: String) -> Bool {
        (3...250).contains(name.utf8.count) && name.utf8.allSatisfy(isNameChar)
    }

    /// `[a-z0-9_]`
    static func isNameChar(_ byte: UInt8) -> Bool {
        STIXIdentifier.isLower(byte) || STIXIdentifier.isDigit(byte) || byte == UInt8(ascii: "_")
    }

    /// stix2-validator's type rule: `^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\-?$`, 3–250 characters.
    static func isValidType(_ type: String) -> Bool {
        let bytes = Array(type.utf8)
        guard (3...250).contains(bytes.count), let first = bytes.first, STIXIdentifier.isLower(first) else { return false }
        var previousWasHyphen = false
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                if previousWasHyphen { return false }
                previousWasHyphen = true
            } else if STIXIdentifier.isLower(byte) || STIXIdentifier.isDigit(byte) {
                previousWasHyphen = false
            } else {
                return false
            }
        }
        return true
    }

    /// `^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\-ext$`: the key of a predefined or custom (non-definition) extension.
    static func isExtensionName(_ key: String) -> Bool {
        guard key.hasSuffix("-ext") else { return false }
        let stem = String(key.dropLast(4))
        guard let first = stem.utf8.first, STIXIdentifier.isLower(first) else { return false }
        return !stem.contains("--") && stem.utf8.allSatisfy {
            STIXIdentifier.isLower($0) || STIXIdentifier.isDigit($0) || $0 == UInt8(ascii: "-")
        } && stem.utf8.last != UInt8(ascii: "-")
    }
}
