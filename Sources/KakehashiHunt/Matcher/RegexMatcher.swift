import Foundation

/// `MATCHES` as the reference matcher implements it: Python `re.search` of the NFC-normalised
/// operand on the NFC-normalised value. Runs on ICU (`NSRegularExpression`) with Unix line
/// semantics after translating Python-only syntax (`(?P<name>…)`, `(?P=name)`, `\Z`).
///
/// Bytes values (from `*_hex`/`*_bin` properties) are searched when every operand character is
/// below U+0100, reading each byte as the code point of the same value.
struct RegexMatcher: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe; it is just not marked Sendable.
    private let expression: NSRegularExpression
    let acceptsBytes: Bool

    init(_ operand: String) throws(MatcherError) {
        let normalized = UnicodeNormalization.nfc(operand)
        do {
            expression = try NSRegularExpression(pattern: Self.translate(normalized), options: [.useUnixLineSeparators])
        } catch {
            throw MatcherError(.invalidPattern, "invalid MATCHES regular expression '\(operand)'")
        }
        acceptsBytes = normalized.unicodeScalars.allSatisfy { $0.value < 256 }
    }

    func matches(_ value: String) -> Bool {
        let text = UnicodeNormalization.nfc(value)
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    func matches(bytes: [UInt8]) -> Bool {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        let text = String(scalars)
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    /// Rewrites Python regex syntax that ICU spells differently.
    static func translate(_ pattern: String) -> String {
        var output = ""
        var scalars = pattern.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "\\", scalars.count >= 2 {
                let next = scalars[scalars.index(after: scalars.startIndex)]
                output += next == "Z" ? "\\z" : "\\" + String(next)
                scalars = scalars.dropFirst(2)
                continue
            }
            if scalars.starts(with: "(?P<".unicodeScalars) {
                output += "(?<"
                scalars = scalars.dropFirst(4)
                continue
            }
            if scalars.starts(with: "(?P=".unicodeScalars), let close = scalars.firstIndex(of: ")") {
                let name = String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: 4)..<close]))
                output += "\\k<\(name)>"
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            output.unicodeScalars.append(scalar)
            scalars = scalars.dropFirst()
        }
        return output
    }
}
