/// A STIX identifier, `object-type--UUID`, split into its parts.
///
/// Accepts what stix2-validator's `identifier.json` accepts: a type of at least three
/// characters (`[a-z][a-z0-9-]+[a-z0-9]`) and a UUID of version 1–5 with the RFC 4122 variant
/// (hex digits in either case).
public struct STIXIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The full identifier text.
    public let rawValue: String
    /// The part before `--`, e.g. `indicator`.
    public let type: Substring
    /// The UUID's version digit (1–5).
    public let uuidVersion: Int

    /// Parses `text`; `nil` if it is not a well-formed STIX identifier.
    public init?(_ text: String) {
        var copy = text
        let parsed: (typeEnd: Int, version: Int)? = copy.withUTF8 { buffer in
            let bytes = buffer[...]
            // type (>= 3 chars) + "--" + 36-character UUID
            guard bytes.count >= 41 else { return nil }
            let typeEnd = bytes.count - 38
            guard bytes[typeEnd] == UInt8(ascii: "-"), bytes[typeEnd + 1] == UInt8(ascii: "-") else { return nil }
            guard STIXIdentifier.isIdentifierType(bytes[0..<typeEnd]) else { return nil }
            guard let version = STIXIdentifier.uuidVersion(bytes[(typeEnd + 2)...]) else { return nil }
            return (typeEnd, version)
        }
        guard let parsed else { return nil }
        rawValue = text
        type = text[..<text.utf8.index(text.utf8.startIndex, offsetBy: parsed.typeEnd)]
        uuidVersion = parsed.version
    }

    public var description: String { rawValue }

    /// The UUID part exactly as written.
    public var uuidText: Substring { rawValue.suffix(36) }

    /// `[a-z][a-z0-9-]+[a-z0-9]` as identifier.json requires of the type part.
    static func isIdentifierType(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count >= 3 else { return false }
        guard isLower(first), isLower(last) || isDigit(last) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// Returns the version digit of a 36-character UUID with version 1–5 and variant 8/9/a/b.
    static func uuidVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard bytes.count == 36, let base = bytes.base.baseAddress?.advanced(by: bytes.startIndex) else { return nil }
        // Hyphens at 8, 13, 18, 23; hex digits elsewhere.
        guard base[8] == UInt8(ascii: "-"), base[13] == UInt8(ascii: "-"), base[18] == UInt8(ascii: "-"),
              base[23] == UInt8(ascii: "-") else { return nil }
        var allHex = true
        for offset in 0..<36 where offset != 8 && offset != 13 && offset != 18 && offset != 23 {
            allHex = allHex && isHex(base[offset])
        }
        guard allHex else { return nil }
        let version = Int(base[14]) - Int(UInt8(ascii: "0"))
        guard (1...5).contains(version) else { return nil }
        switch base[19] | 0x20 {
        case UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b"): return version
        default: return nil
        }
    }

    static func isLower(_ byte: UInt8) -> Bool { (byte &- UInt8(ascii: "a")) < 26 }
    static func isDigit(_ byte: UInt8) -> Bool { (byte &- UInt8(ascii: "0")) < 10 }
    static func isHex(_ byte: UInt8) -> Bool {
        (byte &- UInt8(ascii: "0")) < 10 || ((byte | 0x20) &- UInt8(ascii: "a")) < 6
    }
}
