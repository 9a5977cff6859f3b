/// Name-based (SHA-1, version 5) UUIDs, as STIX 2.1 uses for deterministic identifiers.
public enum UUIDv5 {
    /// The STIX 2.1 namespace for cyber-observable ids (section 2.9).
    public static let stixObservableNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7"
    /// Kakehashi's namespace for hunt outputs (sightings, observed-data).
    public static let huntNamespace = "5a1e8f2c-6b1d-5d43-9c0e-6b616b656861"

    /// The lower-case UUID text for `name` in `namespace` (given as UUID text).
    public static func make(namespace: String, name: String) -> String {
        let ns = parseHex(namespace)
        var digest = SHA1.digest(ns + Array(name.utf8))
        digest[6] = digest[6] & 0x0F | 0x50
        digest[8] = digest[8] & 0x3F | 0x80
        let hex = digest[0..<16].map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    private static func parseHex(_ uuid: String) -> [UInt8] {
        let digits = uuid.utf8.compactMap { AddressSyntax.hexValue($0) }
        return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
