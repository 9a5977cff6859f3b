/// Recursive-descent parser for the STIX 2.1 pattern grammar (`STIXPattern.g4`, as shipped in
/// `stix2-patterns` 2.1): left-recursive rules become loops with the same associativity.
struct PatternParser {
    /// The AST plus what the validator needs that the AST deliberately drops.
    struct Result: Sendable {
        var pattern: Pattern
        /// Source text of each comparison's operand (`'abc'`, `('a','b')`, `5`), in the order of
        /// ``Pattern/comparisons``; `nil` for `EXISTS`.
        var operandTexts: [String?]
    }

    /// Limits that keep every recursive walk of the tree far from the stack's end. The reference
    /// (Python ANTLR) fails on much smaller inputs because of Python's recursion limit.
    static let maximumNesting = 100
    static let maximumOperators = 2000

    private let tokens: [PatternToken]
    private var index = 0
    private var nesting = 0
    private var operators = 0
    private var operandTexts: [String?] = []

    private init(tokens: [PatternToken]) {
        self.tokens = tokens
    }

    static func parse(_ text: String) throws(PatternSyntaxError) -> Result {
        var parser = PatternParser(tokens: PatternLexer.tokenize(text))
        let root = try parser.parseFollowedBy()
        try parser.expect(.endOfInput)
        return Result(pattern: Pattern(root: root), operandTexts: parser.operandTexts)
    }

    // MARK: - Token helpers

    private var current: PatternToken { tokens[min(index, tokens.count - 1)] }

    private mutating func take() -> PatternToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func accept(_ kind: PatternToken.Kind) -> PatternToken? {
        current.kind == kind ? take() : nil
    }

    @discardableResult
    private mutating func expect(_ kind: PatternToken.Kind) throws(PatternSyntaxError) -> PatternToken {
        guard let token = accept(kind) else { throw unexpected([kind]) }
        return token
    }

    private func unexpected(_ expected: [PatternToken.Kind]) -> PatternSyntaxError {
        let token = current
        let found = token.kind == .endOfInput ? "end of pattern" : "'\(token.text)'"
        var names: [String] = []
        for name in expected.map(\.displayName) where !names.contains(name) { names.append(name) }
        let wanted = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
        return PatternSyntaxError(offset: token.offset, line: token.line, column: token.column,
                                  message: "expected \(wanted) but found \(found)", expected: names)
    }

    private mutating func enterNesting() throws(PatternSyntaxError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else { throw limitError("parentheses nested deeper than \(Self.maximumNesting) levels") }
    }

    private mutating func countOperator() throws(PatternSyntaxError) {
        operators += 1
        guard operators <= Self.maximumOperators else { throw limitError("more than \(Self.maximumOperators) operators and qualifiers") }
    }

    private func limitError(_ message: String) -> PatternSyntaxError {
        let token = current
        return PatternSyntaxError(offset: token.offset, line: token.line, column: token.column, message: "pattern too complex: \(message)")
    }

    // MARK: - Observation expressions

    private mutating func parseFollowedBy() throws(PatternSyntaxError) -> ObservationExpression {
        var lhs = try parseObservationOr()
        while accept(.keyword(.followedBy)) != nil {
            try countOperator()
            lhs = .followedBy(lhs, try parseObservationOr())
        }
        return lhs
    }

    private mutating func parseObservationOr() throws(PatternSyntaxError) -> ObservationExpression {
        var lhs = try parseObservationAnd()
        while accept(.keyword(.or)) != nil {
            try countOperator()
            lhs = .or(lhs, try parseObservationAnd())
        }
        return lhs
    }

    private mutating func parseObservationAnd() throws(PatternSyntaxError) -> ObservationExpression {
        var lhs = try parseQualifiedObservation()
        while accept(.keyword(.and)) != nil {
            try countOperator()
            lhs = .and(lhs, try parseQualifiedObservation())
        }
        return lhs
    }

    private mutating func parseQualifiedObservation() throws(PatternSyntaxError) -> ObservationExpression {
        var expression: ObservationExpression
        if accept(.lbrack) != nil {
            expression = .observation(try parseComparisonOr())
            try expect(.rbrack)
        } else if accept(.lparen) != nil {
            try enterNesting()
            expression = .grouped(try parseFollowedBy())
            nesting -= 1
            try expect(.rparen)
        } else {
            throw unexpected([.lbrack, .lparen])
        }
        while let qualifier = try parseQualifier() {
            try countOperator()
            expression = .qualified(expression, qualifier)
        }
        return expression
    }

    private mutating func parseQualifier() throws(PatternSyntaxError) -> Qualifier? {
        if accept(.keyword(.start)) != nil {
            let start = try expect(.timestamp)
            try expect(.keyword(.stop))
            let stop = try expect(.timestamp)
            return .startStop(start: Self.timestamp(start.text), stop: Self.timestamp(stop.text))
        }
        if accept(.keyword(.within)) != nil {
            guard let amount = accept(.intPos) ?? accept(.floatPos) else { throw unexpected([.intPos, .floatPos]) }
            try expect(.keyword(.seconds))
            return .within(seconds: Self.double(amount.text))
        }
        if accept(.keyword(.repeats)) != nil {
            let count = try expect(.intPos)
            try expect(.keyword(.times))
            return .repeats(times: Int(count.text) ?? Int.max)
        }
        return nil
    }

    // MARK: - Comparison expressions

    private mutating func parseComparisonOr() throws(PatternSyntaxError) -> ComparisonExpression {
        var lhs = try parseComparisonAnd()
        while accept(.keyword(.or)) != nil {
            try countOperator()
            lhs = .or(lhs, try parseComparisonAnd())
        }
        return lhs
    }

    private mutating func parseComparisonAnd() throws(PatternSyntaxError) -> ComparisonExpression {
        var lhs = try parsePropertyTest()
        while accept(.keyword(.and)) != nil {
            try countOperator()
            lhs = .and(lhs, try parsePropertyTest())
        }
        return lhs
    }

    private mutating func parsePropertyTest() throws(PatternSyntaxError) -> ComparisonExpression {
        if accept(.lparen) != nil {
            try enterNesting()
            let inner = try parseComparisonOr()
            nesting -= 1
            try expect(.rparen)
            return inner
        }
        if accept(.keyword(.not)) != nil {
            try expect(.keyword(.exists))
            return try existsTest(negated: true)
        }
        if accept(.keyword(.exists)) != nil {
            return try existsTest(negated: false)
        }
        guard current.kind == .identifierWithoutHyphen || current.kind == .identifierWithHyphen else {
            throw unexpected([.identifierWithHyphen, .lparen, .keyword(.not), .keyword(.exists)])
        }
        let path = try parseObjectPath()
        let negated = accept(.keyword(.not)) != nil
        let start = index
        let op = try parseOperator()
        operandTexts.append(tokens[(start + 1)..<index].map(\.text).joined())
        return .comparison(Comparison(path: path, op: op, negated: negated))
    }

    private mutating func existsTest(negated: Bool) throws(PatternSyntaxError) -> ComparisonExpression {
        let path = try parseObjectPath()
        operandTexts.append(nil)
        return .comparison(Comparison(path: path, op: .exists, negated: negated))
    }

    private mutating func parseOperator() throws(PatternSyntaxError) -> ComparisonOperator {
        let token = take()
        switch token.kind {
        case .eq: return .equal(try parseLiteral(allowBoolean: true))
        case .neq: return .notEqual(try parseLiteral(allowBoolean: true))
        case .lt: return .less(try parseLiteral(allowBoolean: false))
        case .le: return .lessOrEqual(try parseLiteral(allowBoolean: false))
        case .gt: return .greater(try parseLiteral(allowBoolean: false))
        case .ge: return .greaterOrEqual(try parseLiteral(allowBoolean: false))
        case .keyword(.in): return .isIn(try parseSet())
        case .keyword(.like): return .like(Self.unescape(try expect(.string).text))
        case .keyword(.matches): return .matches(Self.unescape(try expect(.string).text))
        case .keyword(.isSubset): return .isSubset(Self.unescape(try expect(.string).text))
        case .keyword(.isSuperset): return .isSuperset(Self.unescape(try expect(.string).text))
        default:
            index -= 1
            throw unexpected([.eq, .neq, .lt, .le, .gt, .ge, .keyword(.in), .keyword(.like), .keyword(.matches),
                              .keyword(.isSubset), .keyword(.isSuperset)])
        }
    }

    private mutating func parseSet() throws(PatternSyntaxError) -> [Constant] {
        try expect(.lparen)
        var values: [Constant] = []
        if accept(.rparen) != nil { return values }
        repeat {
            values.append(try parseLiteral(allowBoolean: true))
        } while accept(.comma) != nil
        try expect(.rparen)
        return values
    }

    private mutating func parseLiteral(allowBoolean: Bool) throws(PatternSyntaxError) -> Constant {
        let token = current
        switch token.kind {
        case .intPos, .intNeg:
            _ = take()
            if let value = Int64(token.text) { return .integer(value) }
            return .bigInteger(token.text.hasPrefix("+") ? String(token.text.dropFirst()) : token.text)
        case .floatPos, .floatNeg:
            _ = take()
            return .float(Self.double(token.text))
        case .string:
            _ = take()
            return .string(Self.unescape(token.text))
        case .hex:
            _ = take()
            return .hex(LiteralDecoding.hexBytes(String(token.text.dropFirst(2).dropLast())) ?? [])
        case .binary:
            _ = take()
            return .binary(LiteralDecoding.base64Bytes(String(token.text.dropFirst(2).dropLast())) ?? [])
        case .timestamp:
            _ = take()
            return .timestamp(Self.timestamp(token.text))
        case .bool where allowBoolean:
            _ = take()
            return .boolean(token.text == "true")
        default:
            var expected: [PatternToken.Kind] = [.intPos, .floatPos, .string, .hex, .binary, .timestamp]
            if allowBoolean { expected.append(.bool) }
            throw unexpected(expected)
        }
    }

    // MARK: - Object paths

    private mutating func parseObjectPath() throws(PatternSyntaxError) -> ObjectPath {
        guard let type = accept(.identifierWithoutHyphen) ?? accept(.identifierWithHyphen) else {
            throw unexpected([.identifierWithHyphen])
        }
        try expect(.colon)
        var steps = [try parseKey()]
        while true {
            if accept(.dot) != nil {
                steps.append(try parseKey())
            } else if accept(.lbrack) != nil {
                if accept(.asterisk) != nil {
                    steps.append(.anyIndex)
                } else if let number = accept(.intPos) ?? accept(.intNeg) {
                    steps.append(.index(Int(number.text) ?? (number.kind == .intNeg ? Int.min : Int.max)))
                } else {
                    throw unexpected([.intPos, .asterisk])
                }
                try expect(.rbrack)
            } else {
                return ObjectPath(objectType: type.text, steps: steps)
            }
        }
    }

    private mutating func parseKey() throws(PatternSyntaxError) -> PathStep {
        if let name = accept(.identifierWithoutHyphen) { return .key(name.text) }
        if let quoted = accept(.string) { return .key(Self.unescape(quoted.text)) }
        throw unexpected([.identifierWithoutHyphen, .string])
    }

    // MARK: - Literal text

    /// Strips the quotes of a string literal and resolves `\'` and `\\`.
    static func unescape(_ literal: String) -> String {
        // Most literals hold no escape: their text between the quotes is the value.
        let body = literal.utf8.dropFirst().dropLast()
        if !body.contains(UInt8(ascii: "\\")), let text = String(body) { return text }
        var result = String.UnicodeScalarView()
        var iterator = literal.unicodeScalars.dropFirst().dropLast().makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\\", let escaped = iterator.next() {
                result.append(escaped)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func timestamp(_ literal: String) -> PatternTimestamp {
        PatternTimestamp(text: String(literal.dropFirst(2).dropLast()))
    }

    /// Parses `+1`, `-.5`, `12.25` (forms the lexer admits).
    private static func double(_ text: String) -> Double {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        if body.hasPrefix(".") { body = "0" + body }
        return Double(sign + body) ?? .nan
    }
}
