/// One attribute value of a CPE well-formed name (WFN): a logical value or a string that may carry
/// the special characters `*` (any sequence) and `?` (one character) at its start or end.
public enum CPEValue: Sendable, Hashable {
    /// ANY (`*` in the formatted string).
    case any
    /// NOT APPLICABLE (`-` in the formatted string).
    case na
    /// A string value.
    case string(CPEString)

    /// Builds a value from plain text: `*` is ANY, `-` is NA, anything else is a literal string
    /// (punctuation is quoted, so `*` and `?` inside `text` are not wildcards).
    public static func literal(_ text: String) -> CPEValue {
        if text == "*" || text.isEmpty { return .any }
        if text == "-" { return .na }
        return .string(CPEString(tokens: text.map { .literal($0) }))
    }
}

/// A CPE string value held as tokens: literal characters (escaped or not) and unquoted wildcards.
public struct CPEString: Sendable, Hashable {
    /// A character of the value, or an unquoted wildcard.
    public enum Token: Sendable, Hashable {
        case literal(Character)
        case anySequence
        case oneCharacter
    }

    /// The tokens with original case.
    public let tokens: [Token]
    /// The tokens lowercased, since CPE matching is case-insensitive.
    let folded: [Token]

    /// Creates a value from tokens.
    public init(tokens: [Token]) {
        self.tokens = tokens
        self.folded = tokens.map { token in
            if case .literal(let character) = token, character.isUppercase {
                return .literal(Character(character.lowercased()))
            }
            return token
        }
    }

    /// True when the value carries an unquoted `*` or `?`.
    public var hasWildcards: Bool { tokens.contains { !$0.isLiteral } }

    /// The value as plain text with escapes removed (wildcards shown as `*` and `?`).
    public var text: String {
        String(tokens.map { token -> Character in
            switch token {
            case .literal(let character): character
            case .anySequence: "*"
            case .oneCharacter: "?"
            }
        })
    }

    /// The value lowercased with escapes removed, for indexing by vendor and product.
    public var foldedText: String {
        String(folded.compactMap { token -> Character? in
            if case .literal(let character) = token { return character }
            return nil
        })
    }
}

extension CPEString.Token {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}
