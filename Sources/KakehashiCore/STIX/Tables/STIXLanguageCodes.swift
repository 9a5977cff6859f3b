/// The language codes stix2-validator knows (`lang`, `language-content.contents`, `software.languages`).
enum STIXLanguageCodes {
    /// True for a code in stix2-validator's RFC 5646 list.
    static func isKnown(_ code: String) -> Bool { rfc5646.contains(code) }

    /// `software.languages`: the schema's RFC 5646 pattern, and a known RFC 5646 or ISO 639-2 code.
    static func isSoftwareLanguage(_ code: String) -> Bool {
        guard rfc5646.contains(code) || iso6392.contains(code) else { return false }
        // The schema pattern refuses script subtags such as `az-Cyrl-AZ`.
        return !code.split(separator: "-").dropFirst().contains { part in
            part.count == 4 && part.first?.isUppercase == true
        }
    }
}
