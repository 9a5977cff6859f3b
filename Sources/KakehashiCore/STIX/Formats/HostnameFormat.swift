/// Host names as Python's `idna.encode` (stix2-validator's `idn-hostname` check) accepts them.
enum HostnameFormat {
    static func isValid(_ text: String) -> Bool {
        var labels = text.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }  // one trailing dot is allowed
        guard !labels.isEmpty, text.utf8.count <= 253 else { return false }
        return labels.allSatisfy(isValidLabel)
    }

    private static func isValidLabel(_ label: Substring) -> Bool {
        let bytes = Array(label.utf8)
        guard !bytes.isEmpty, bytes.count <= 63, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-"),
           !(bytes[0] | 0x20 == UInt8(ascii: "x") && bytes[1] | 0x20 == UInt8(ascii: "n")) {
            return false
        }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.allSatisfy { SimpleFormats.isNameByte($0) && $0 != UInt8(ascii: "_") }
        }
        // A Unicode label: IDNA 2008 wants it lowercase and free of ASCII punctuation.
        return label.unicodeScalars.allSatisfy { scalar in
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                return STIXIdentifier.isLower(byte) || STIXIdentifier.isDigit(byte) || byte == UInt8(ascii: "-")
            }
            return !scalar.properties.isUppercase && !scalar.properties.isWhitespace
        }
    }
}
