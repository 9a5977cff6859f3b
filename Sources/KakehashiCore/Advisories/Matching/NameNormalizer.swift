/// Normalises vendor, product and model names so that "Schneider Electric", `schneider-electric` and
/// `schneider_electric` meet, as do "PX-200", "PX-200 firmware" and `px-200_firmware`.
public enum NameNormalizer {
    static let corporateSuffixes: Set<String> = [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "gmbh", "ag", "llc",
        "plc", "sa", "kk", "kabushiki", "kaisha", "group", "holdings", "株式会社", "有限会社", "合同会社",
    ]
    static let productSuffixes: Set<String> = ["firmware", "software", "series"]

    /// Lowercased alphanumeric words.
    public static func words(_ text: String) -> [String] {
        if let ascii = asciiWords(text) { return ascii }
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

    /// The ASCII fast path of ``words(_:)``; nil when the text has non-ASCII characters.
    private static func asciiWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// The vendor key: words without corporate suffixes (`"Siemens AG"` → `siemens`).
    public static func vendor(_ text: String) -> String {
        var parts = words(text)
        while parts.count > 1, let last = parts.last, corporateSuffixes.contains(last) { parts.removeLast() }
        // Japanese company names put 株式会社 before the name as often as after it.
        while parts.count > 1, let first = parts.first, first.hasSuffix("会社") { parts.removeFirst() }
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
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return String(text.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "*" || $0 == "?" })
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte & 0xDF)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "?"):
                bytes.append(byte)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
