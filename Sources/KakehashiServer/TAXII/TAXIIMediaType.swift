import Hummingbird

/// The media types of TAXII 2.1 and STIX 2.1, and the checks of `Accept` and `Content-Type`.
enum TAXIIMediaType {
    static let taxii = "application/taxii+json;version=2.1"
    static let stix = "application/stix+json;version=2.1"

    /// Whether an `Accept` header admits TAXII 2.1 JSON (no header admits anything).
    static func accepts(_ header: String?) -> Bool {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        for range in header.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let type = parts.first else { continue }
            if type == "*/*" || type == "application/*" { return true }
            if type == "application/taxii+json" {
                let version = parts.dropFirst().first { $0.hasPrefix("version=") }
                if version == nil || version == "version=2.1" { return true }
            }
        }
        return false
    }

    /// Whether a `Content-Type` header names TAXII 2.1 JSON.
    static func isTAXII(contentType header: String?) -> Bool {
        guard let header else { return false }
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/taxii+json" else { return false }
        let version = parts.dropFirst().first { $0.hasPrefix("version=") }
        return version == nil || version == "version=2.1"
    }
}
