/// The hash formats the reference validator checks (`stix2patterns/v21/object_validator.py`).
///
/// Keys are hash names upper-cased without `-`. Each rule reproduces the reference's Python
/// `re.match` behaviour, including `$` accepting one trailing newline and MD6's unanchored
/// alternatives (which make it accept anything starting with 32 hex digits).
enum HashFormat {
    static let rules: [String: @Sendable (String) -> Bool] = [
        "MD5": { hex($0, lengths: [32]) },
        "MD6": { leadingHexCount($0) >= 32 },
        "RIPEMD160": { hex($0, lengths: [40]) },
        "SHA1": { hex($0, lengths: [40]) },
        "SHA224": { hex($0, lengths: [56]) },
        "SHA256": { hex($0, lengths: [64]) },
        "SHA384": { hex($0, lengths: [96]) },
        "SHA512": { hex($0, lengths: [128]) },
        "SHA3224": { hex($0, lengths: [56]) },
        "SHA3256": { hex($0, lengths: [64]) },
        "SHA3384": { hex($0, lengths: [96]) },
        "SHA3512": { hex($0, lengths: [128]) },
        "SSDEEP": { ssdeep($0) },
        "WHIRLPOOL": { hex($0, lengths: [128]) },
    ]

    /// `^[a-fA-F0-9]{n}$` where `$` also matches before a final newline.
    private static func hex(_ value: String, lengths: Set<Int>) -> Bool {
        let body = Array(withoutFinalNewline(value).utf8)
        return lengths.contains(body.count) && body.allSatisfy(isHex)
    }

    private static func leadingHexCount(_ value: String) -> Int {
        value.utf8.prefix(while: isHex).count
    }

    private static func ssdeep(_ value: String) -> Bool {
        let body = Array(withoutFinalNewline(value).unicodeScalars)
        return (1...128).contains(body.count) && body.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/+:.".unicodeScalars.contains(scalar))
        }
    }

    private static func withoutFinalNewline(_ value: String) -> Substring {
        value.unicodeScalars.last == "\n" ? Substring(value.unicodeScalars.dropLast()) : Substring(value)
    }

    private static func isHex(_ unit: UInt8) -> Bool {
        (0x30...0x39).contains(unit) || (0x41...0x46).contains(unit) || (0x61...0x66).contains(unit)
    }
}
