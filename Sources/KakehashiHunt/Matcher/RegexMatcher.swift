import Foundation

/// `MATCHES` as the reference matcher implements it: Python `re.search` of the NFC-normalised
/// operand on the NFC-normalised value. Runs on ICU (`NSRegularExpression`) with Unix line
/// semantics after ``PythonRegexTranslator`` has mapped Python syntax onto ICU's.
///
/// Bytes values (from `*_hex`/`*_bin` properties) are searched when every operand character is
/// below U+0100, reading each byte as the code point of the same value.
struct RegexMatcher: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe; it is just not marked Sendable.
    private let expression: NSRegularExpression
    let acceptsBytes: Bool

    init(_ operand: String) throws(MatcherError) {
        let normalized = UnicodeNormalization.nfc(operand)
        let translated = try Self.translate(normalized)
        do {
            expression = try NSRegularExpression(pattern: translated, options: [.useUnixLineSeparators])
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

    /// Rewrites Python regex syntax for ICU; throws where Python's `re` would refuse the pattern.
    static func translate(_ pattern: String) throws(MatcherError) -> String {
        var translator = PythonRegexTranslator(Array(pattern.unicodeScalars))
        guard let output = translator.run() else {
            throw MatcherError(.invalidPattern, "invalid MATCHES regular expression '\(pattern)'")
        }
        return output
    }
}
