import Crypto
import Foundation

/// Name-based UUIDs (RFC 9562 version 5, SHA-1), so the same name always yields the same id, as
/// STIX 2.1 deterministic identifiers require. SHA-1 is swift-crypto's, used here only for naming.
///
/// ```swift
/// let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
/// NameBasedUUID.v5String(namespace: dns, name: "python.org")  // "886313e1-3b8a-5372-9b90-0c9aee199e5d"
/// ```
public enum NameBasedUUID {
    /// The version-5 UUID of `name` (UTF-8) in `namespace`.
    public static func v5(namespace: UUID, name: String) -> UUID {
        let ns = namespace.uuid
        var hash = Insecure.SHA1()
        withUnsafeBytes(of: ns) { hash.update(bufferPointer: $0) }
        hash.update(data: Data(name.utf8))
        var h = Array(hash.finalize())
        h[6] = (h[6] & 0x0f) | 0x50
        h[8] = (h[8] & 0x3f) | 0x80
        return UUID(uuid: (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]))
    }

    /// ``v5(namespace:name:)`` as lower-case text, the form STIX ids use.
    public static func v5String(namespace: UUID, name: String) -> String {
        v5(namespace: namespace, name: name).uuidString.lowercased()
    }
}
