/// Normalises vendor, product and model names so that "Schneider Electric", `schneider-electric` and
/// `schneider_electric` meet, as do "PX-200", "PX-200 firmware" and `px-200_firmware`.
public enum NameNormalizer {
    static let corporateSuffixes: Set<String> = [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "gmbh", "ag", "llc",
        "plc", "sa", "kk", "kabushiki", "kaisha", "group", "holdings",
    ]
    static let productSuffixes: Set<String> = ["firmware", "software", "series"]

    /// Lowercased alphanumeric words joined by `_`.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The vendor key: words without corporate suffixes (`"Siemens AG"` → `siemens`).
    public static func vendor(_ text: String) -> String {
        var parts = words(text)
        while parts.count > 1, let last = parts.last, corporateSuffixes.contains(last) { parts.removeLast() }
        return parts.joined(separator: "_")
    }

    /// The product key: words without a trailing `firmware`/`software`/`series`.
    public static func product(_ text: String) -> String {
        var parts = words(text)
        while parts.count > 1, let last = parts.last, productSuffixes.contains(last) { parts.removeLast() }
        return parts.joined(separator: "_")
    }

    /// The model-number key: letters and digits only, uppercased (`6ES7 515-2AM02` → `6ES75152AM02`).
    public static func model(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "*" || $0 == "?" })
    }

    /// Matches a model key against a pattern key that may use `*` (any run) and `?` (one character).
    public static func modelMatches(pattern: String, model: String) -> Bool {
        guard pattern.contains("*") || pattern.contains("?") else { return pattern == model }
        let p = Array(pattern), m = Array(model)
        var pi = 0, mi = 0, star = -1, mark = 0
        while mi < m.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == m[mi]) {
                pi += 1
                mi += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = mi
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                mi = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
