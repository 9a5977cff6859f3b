/// A product version, parsed once so that comparisons are cheap.
///
/// Vendor-style versions (`4.2(1)SV2`, `R2.1.3a`, `V3.01`, `12.3.4-build567`) are compared segment by
/// segment: runs of digits numerically, runs of letters case-insensitively, separators ignored, a leading
/// `v`/`r` before a digit dropped. A missing segment counts as 0 against a number, sorts after a
/// pre-release word (`alpha`, `beta`, `rc`, `pre`, `dev`, …) and before any other word. Words sort before
/// numbers; a single letter after a number is a patch letter (`2.1.3a` > `2.1.3`). Semantic versions can also be compared by SemVer 2.0 precedence (see ``compare(_:_:semantic:)``).
public struct Version: Sendable, Hashable, CustomStringConvertible {
    /// One run of digits or letters.
    public enum Segment: Sendable, Hashable {
        case number(String)
        case word(String)
    }

    /// The version as written.
    public let text: String
    /// The segments used for vendor-style comparison.
    public let segments: [Segment]
    /// The SemVer 2.0 reading, when the text is a valid semantic version.
    public let semantic: SemanticVersion?

    /// Parses `text` (never fails; an empty text has no segments).
    public init(_ text: String) {
        self.text = text
        self.segments = Version.segments(of: text)
        self.semantic = SemanticVersion(text)
    }

    public var description: String { text }

    static let preReleaseWords: Set<String> = ["alpha", "beta", "rc", "pre", "preview", "dev", "snapshot"]

    static func segments(of text: String) -> [Segment] {
        if let ascii = asciiSegments(of: text) { return ascii }
        var characters = Substring(text)
        if let first = characters.first, "vVrR".contains(first),
           let second = characters.dropFirst().first, second.isASCII, second.isNumber {
            characters = characters.dropFirst()
        }
        var result: [Segment] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit {
                let trimmed = current.drop { $0 == "0" }
                result.append(.number(trimmed.isEmpty ? "0" : String(trimmed)))
            } else {
                result.append(.word(current.lowercased()))
            }
            current = ""
        }
        for character in characters {
            let isDigit = character.isASCII && character.isNumber
            let isLetter = character.isLetter
            if !isDigit && !isLetter {
                flush()
                continue
            }
            if !current.isEmpty && isDigit != currentIsDigit { flush() }
            currentIsDigit = isDigit
            current.append(character)
        }
        flush()
        return result
    }

    /// The ASCII fast path of ``segments(of:)``; nil when the text has non-ASCII characters.
    private static func asciiSegments(of text: String) -> [Segment]? {
        var bytes = Array(text.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) { return nil }
        if bytes.count >= 2, [UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "r"), UInt8(ascii: "R")].contains(bytes[0]),
           (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1]) {
            bytes.removeFirst()
        }
        var result: [Segment] = []
        var start = 0
        var index = 0
        func kind(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return 2
            default: return 0
            }
        }
        while index < bytes.count {
            let current = kind(bytes[index])
            if current == 0 {
                index += 1
                start = index
                continue
            }
            while index < bytes.count && kind(bytes[index]) == current { index += 1 }
            let run = bytes[start..<index]
            if current == 1 {
                let trimmed = run.drop { $0 == UInt8(ascii: "0") }
                result.append(.number(trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)))
            } else {
                result.append(.word(String(decoding: run.map { $0 | 0x20 }, as: UTF8.self)))
            }
            start = index
        }
        return result
    }
}
