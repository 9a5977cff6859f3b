/// Splits pattern text into tokens with the same longest-match rules as the ANTLR lexer of
/// `STIXPattern.g4`: the longest token wins, ties go to the rule listed first (literals, then
/// keywords, then identifiers). Whitespace and `/* */`, `//` comments are skipped.
struct PatternLexer {
    let scalars: [UInt32]
    /// UTF-8 of the text, and the UTF-8 offset of every scalar (plus the end), for token text.
    private let utf8: [UInt8]
    private let utf8Offsets: [Int]
    private var position = 0
    private var line = 1
    private var column = 0

    init(_ text: String) {
        var values: [UInt32] = []
        var offsets: [Int] = []
        values.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            values.append(scalar.value)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        scalars = values
        utf8Offsets = offsets
        utf8 = Array(text.utf8)
    }

    /// All tokens, ending with `.endOfInput`.
    static func tokenize(_ text: String) -> [PatternToken] {
        var lexer = PatternLexer(text)
        var tokens: [PatternToken] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    mutating func next() -> PatternToken {
        skipTrivia()
        guard position < scalars.count else {
            return PatternToken(kind: .endOfInput, text: "", offset: position, line: line, column: column)
        }
        let (kind, length) = longestMatch(at: position)
        let text = substring(position, position + length)
        let token = PatternToken(kind: kind, text: text, offset: position, line: line, column: column)
        advance(by: length)
        return token
    }

    private func substring(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[utf8Offsets[start]..<utf8Offsets[end]], as: UTF8.self)
    }

    private mutating func advance(by count: Int) {
        for _ in 0..<count {
            if scalars[position] == 0x0A {
                line += 1
                column = 0
            } else {
                column += 1
            }
            position += 1
        }
    }

    func at(_ index: Int) -> UInt32 {
        index < scalars.count ? scalars[index] : 0xFFFF_FFFF
    }

    private mutating func skipTrivia() {
        while position < scalars.count {
            let c = scalars[position]
            if Self.isWhitespace(c) {
                advance(by: 1)
            } else if c == 0x2F, at(position + 1) == 0x2A, let end = commentEnd(from: position + 2) {
                advance(by: end - position)
            } else if c == 0x2F, at(position + 1) == 0x2F {
                var end = position + 2
                while end < scalars.count, scalars[end] != 0x0A, scalars[end] != 0x0D { end += 1 }
                advance(by: end - position)
            } else {
                return
            }
        }
    }

    /// Index just past the first `*/` at or after `start`, if any.
    private func commentEnd(from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == 0x2A, scalars[index + 1] == 0x2F { return index + 2 }
            index += 1
        }
        return nil
    }

    static func isWhitespace(_ c: UInt32) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    // MARK: - Rule selection

    private func longestMatch(at p: Int) -> (PatternToken.Kind, Int) {
        let c = scalars[p]
        switch c {
        case 0x2D: // -
            return best([(.intNeg, intLength(p + 1).map { $0 + 1 }),
                         (.floatNeg, floatLength(p + 1).map { $0 + 1 }),
                         (.hyphen, 1)])
        case 0x2B: // +
            return best([(.intPos, intLength(p + 1).map { $0 + 1 }),
                         (.floatPos, floatLength(p + 1).map { $0 + 1 }),
                         (.plus, 1)])
        case 0x30...0x39, 0x2E: // digit or .
            return best([(.intPos, intLength(p)), (.floatPos, floatLength(p)),
                         (.dot, c == 0x2E ? 1 : nil)])
        case 0x27: // '
            return best([(.string, stringLength(p)), (.quote, 1)])
        case 0x3D: return (.eq, at(p + 1) == 0x3D ? 2 : 1)
        case 0x21: return at(p + 1) == 0x3D ? (.neq, 2) : (.invalid, 1)
        case 0x3C:
            if at(p + 1) == 0x3E { return (.neq, 2) }
            return at(p + 1) == 0x3D ? (.le, 2) : (.lt, 1)
        case 0x3E: return at(p + 1) == 0x3D ? (.ge, 2) : (.gt, 1)
        case 0x3A: return (.colon, 1)
        case 0x2C: return (.comma, 1)
        case 0x29: return (.rparen, 1)
        case 0x28: return (.lparen, 1)
        case 0x5D: return (.rbrack, 1)
        case 0x5B: return (.lbrack, 1)
        case 0x5E: return (.power, 1)
        case 0x2F: return (.divide, 1)
        case 0x2A: return (.asterisk, 1)
        default:
            if Self.isIdentifierStart(c) { return wordMatch(at: p) }
            return (.invalid, 1)
        }
    }

    /// Picks the longest candidate; on a tie the earlier one (grammar rule order) wins.
    private func best(_ candidates: [(PatternToken.Kind, Int?)]) -> (PatternToken.Kind, Int) {
        var winner: (PatternToken.Kind, Int) = (.invalid, 1)
        var bestLength = 0
        for (kind, length) in candidates {
            if let length, length > bestLength {
                winner = (kind, length)
                bestLength = length
            }
        }
        return winner
    }

    /// Identifiers, keywords, booleans and the `h'…'`, `b'…'`, `t'…'` literals. A keyword or
    /// boolean only wins when it is the whole word (a longer identifier beats it otherwise).
    private func wordMatch(at p: Int) -> (PatternToken.Kind, Int) {
        var plain = p + 1
        while plain < scalars.count, Self.isIdentifierPart(scalars[plain]) { plain += 1 }
        var hyphenated = plain
        while hyphenated < scalars.count, Self.isIdentifierPart(scalars[hyphenated]) || scalars[hyphenated] == 0x2D {
            hyphenated += 1
        }
        if plain == p + 1, at(plain) == 0x27 {
            let literal: (PatternToken.Kind, Int?)? = switch scalars[p] {
            case 0x68: (.hex, hexLength(p))
            case 0x62: (.binary, binaryLength(p))
            case 0x74: (.timestamp, timestampLength(p))
            default: nil
            }
            if let (kind, length) = literal, let length { return (kind, length) }
        }
        if hyphenated > plain { return (.identifierWithHyphen, hyphenated - p) }
        let length = plain - p
        if length <= 10, Self.isUpperOrLowerASCII(scalars[p]) {
            let word = substring(p, plain)
            if word == "true" || word == "false" { return (.bool, length) }
            if let keyword = PatternToken.Keyword(rawValue: word) { return (.keyword(keyword), length) }
        }
        return (.identifierWithoutHyphen, length)
    }

    private static func isUpperOrLowerASCII(_ c: UInt32) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    static func isIdentifierStart(_ c: UInt32) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F
    }

    static func isIdentifierPart(_ c: UInt32) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }

    static func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }

    static func isHexDigit(_ c: UInt32) -> Bool {
        isDigit(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }

    static func isBase64(_ c: UInt32) -> Bool {
        isIdentifierPart(c) && c != 0x5F || c == 0x2B || c == 0x2F
    }
}
