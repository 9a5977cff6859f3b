/// Builds STIX 2.1 patterns for report indicators, with string literals escaped as the grammar requires.
public enum STIXPatternText {
    /// Escapes a value for a single-quoted STIX pattern string: `\` becomes `\\` and `'` becomes `\'`.
    public static func quoted(_ value: String) -> String {
        var out = "'"
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            default: out.append(character)
            }
        }
        return out + "'"
    }

    /// The pattern that matches `indicator`, e.g. `[ipv4-addr:value = '203.0.113.5']` or
    /// `[file:hashes.'SHA-256' = 'e3b0…']`.
    public static func pattern(for indicator: IncidentIndicator) -> String {
        "[\(objectPath(for: indicator.type)) = \(quoted(indicator.value))]"
    }

    /// The object path compared for each indicator type.
    public static func objectPath(for type: IncidentIndicatorType) -> String {
        switch type {
        case .ipv4: "ipv4-addr:value"
        case .ipv6: "ipv6-addr:value"
        case .domain: "domain-name:value"
        case .url: "url:value"
        case .email: "email-addr:value"
        case .sha256: "file:hashes.'SHA-256'"
        case .sha1: "file:hashes.'SHA-1'"
        case .md5: "file:hashes.MD5"
        }
    }
}
