/// Small byte-level format checks (regular expressions of the STIX JSON schemas, written out).
enum SimpleFormats {
    static func isHexDigit(_ byte: UInt8) -> Bool { STIXIdentifier.isHex(byte) }

    /// `^([a-fA-F0-9]{2})+$`
    static func isHex(_ text: String) -> Bool {
        let utf8 = text.utf8
        return !utf8.isEmpty && utf8.count % 2 == 0 && utf8.allSatisfy(isHexDigit)
    }

    /// `^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$`
    static func isBase64(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        return bytes.dropLast(padding).allSatisfy { byte in
            STIXIdentifier.isLower(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || STIXIdentifier.isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }

    /// `^([0-9a-f]{2}[:]){5}([0-9a-f]{2})$`
    static func isMACAddress(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 17 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index % 3 == 2 {
                guard byte == UInt8(ascii: ":") else { return false }
            } else {
                guard STIXIdentifier.isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) else { return false }
            }
        }
        return true
    }

    static let mimeTopLevelTypes: Set<String> = [
        "application", "audio", "font", "image", "message", "model", "multipart", "text", "video",
    ]

    /// `^(application|audio|…|video)/[a-zA-Z0-9.+_-]+` (a prefix match, as the schema's regex is unanchored at the end)
    static func isMIMEType(_ text: String) -> Bool {
        guard let slash = text.firstIndex(of: "/"), mimeTopLevelTypes.contains(String(text[..<slash])) else { return false }
        guard let first = text.utf8[text.utf8.index(after: slash)...].first else { return false }
        return isNameByte(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: "+")
    }

    /// `^[a-zA-Z0-9/\.+_:-]{2,250}$`
    static func isCharsetName(_ text: String) -> Bool {
        let utf8 = text.utf8
        return (2...250).contains(utf8.count) && utf8.allSatisfy {
            isNameByte($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: ":")
        }
    }

    /// Rejects what `not: {pattern: "^HKLM|HKCC|HKCR|HKCU|HKU|hklm|hkcc|hkcr|hkcu|hku"}` rejects.
    static func isRegistryKey(_ text: String) -> Bool {
        if text.hasPrefix("HKLM") { return false }
        return !["HKCC", "HKCR", "HKCU", "HKU", "hklm", "hkcc", "hkcr", "hkcu", "hku"].contains { text.contains($0) }
    }

    /// `^[a-z0-9\-]+$`
    static func isRelationshipType(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy {
            STIXIdentifier.isLower($0) || STIXIdentifier.isDigit($0) || $0 == UInt8(ascii: "-")
        }
    }

    /// `^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$`
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else { return false }
        guard local.utf8.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "+") }) else { return false }
        guard let dot = domain.firstIndex(of: "."), dot > domain.startIndex else { return false }
        let head = domain[..<dot]
        let tail = domain[domain.index(after: dot)...]
        let isLabelByte = { (byte: UInt8) in isNameByte(byte) && byte != UInt8(ascii: "_") }
        return head.utf8.allSatisfy(isLabelByte) && !tail.isEmpty
            && tail.utf8.allSatisfy { isLabelByte($0) || $0 == UInt8(ascii: ".") }
    }

    /// `[a-zA-Z0-9_-]`
    static func isNameByte(_ byte: UInt8) -> Bool {
        STIXIdentifier.isLower(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || STIXIdentifier.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
