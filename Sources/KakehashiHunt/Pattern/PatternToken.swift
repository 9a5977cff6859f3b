/// A lexical token of the pattern language (mirrors the rules of `STIXPattern.g4`).
struct PatternToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case intNeg, intPos, floatNeg, floatPos, hex, binary, string, bool, timestamp
        case keyword(Keyword)
        case identifierWithoutHyphen, identifierWithHyphen
        case eq, neq, lt, le, gt, ge
        case quote, colon, dot, comma, rparen, lparen, rbrack, lbrack
        case plus, hyphen, power, divide, asterisk
        case invalid
        case endOfInput
    }

    /// Reserved words; case-sensitive, as in the grammar.
    enum Keyword: String, Sendable, CaseIterable {
        case and = "AND", or = "OR", not = "NOT", followedBy = "FOLLOWEDBY", like = "LIKE"
        case matches = "MATCHES", isSuperset = "ISSUPERSET", isSubset = "ISSUBSET", exists = "EXISTS"
        case last = "LAST", `in` = "IN", start = "START", stop = "STOP", seconds = "SECONDS"
        case within = "WITHIN", repeats = "REPEATS", times = "TIMES"
    }

    var kind: Kind
    /// Source text of the token.
    var text: String
    /// Offset in Unicode scalars.
    var offset: Int
    var line: Int
    var column: Int
}

extension PatternToken.Kind {
    /// How the kind is named in "expected …" messages.
    var displayName: String {
        switch self {
        case .intNeg, .intPos: "integer"
        case .floatNeg, .floatPos: "float"
        case .hex: "hex literal h'…'"
        case .binary: "binary literal b'…'"
        case .string: "string literal"
        case .bool: "boolean"
        case .timestamp: "timestamp t'…'"
        case .keyword(let keyword): keyword.rawValue
        case .identifierWithoutHyphen: "identifier"
        case .identifierWithHyphen: "object type"
        case .eq: "'='"
        case .neq: "'!='"
        case .lt: "'<'"
        case .le: "'<='"
        case .gt: "'>'"
        case .ge: "'>='"
        case .quote: "\"'\""
        case .colon: "':'"
        case .dot: "'.'"
        case .comma: "','"
        case .rparen: "')'"
        case .lparen: "'('"
        case .rbrack: "']'"
        case .lbrack: "'['"
        case .plus: "'+'"
        case .hyphen: "'-'"
        case .power: "'^'"
        case .divide: "'/'"
        case .asterisk: "'*'"
        case .invalid: "invalid character"
        case .endOfInput: "end of pattern"
        }
    }
}
