/// One comparison compiled for evaluation against selected values, with the reference
/// matcher's semantics for each operator (see `stix2matcher/matcher.py`, `exitPropTest*`).
struct PropertyTest: Sendable {
    enum Order: Sendable { case less, lessOrEqual, greater, greaterOrEqual }

    enum Operation: Sendable {
        /// `=` / `!=`; `invert` is `!=` xor `NOT`.
        case equal(LiteralValue, invert: Bool)
        case order(LiteralValue, Order)
        case member([LiteralValue], timestamps: Bool)
        case like(LikeMatcher)
        case regex(RegexMatcher)
        /// Value inside the operand block; the operand is parsed up front, errors are raised on use.
        case subset(AddressRange?, operand: String)
        /// Operand inside the value block.
        case superset(AddressRange?, operand: String)
        case exists
    }

    let path: CompiledPath
    let operation: Operation
    let negated: Bool

    init(_ comparison: Comparison) throws(MatcherError) {
        path = CompiledPath(comparison.path)
        negated = comparison.negated
        switch comparison.op {
        case .equal(let constant): operation = .equal(try LiteralValue(constant), invert: comparison.negated)
        case .notEqual(let constant): operation = .equal(try LiteralValue(constant), invert: !comparison.negated)
        case .less(let constant): operation = .order(try LiteralValue(constant), .less)
        case .lessOrEqual(let constant): operation = .order(try LiteralValue(constant), .lessOrEqual)
        case .greater(let constant): operation = .order(try LiteralValue(constant), .greater)
        case .greaterOrEqual(let constant): operation = .order(try LiteralValue(constant), .greaterOrEqual)
        case .isIn(let constants):
            var values: [LiteralValue] = []
            for constant in constants { values.append(try LiteralValue(constant)) }
            try Self.checkHomogeneous(values)
            let timestamps = values.first.map { if case .timestamp = $0 { true } else { false } } ?? false
            operation = .member(values, timestamps: timestamps)
        case .like(let operand): operation = .like(LikeMatcher(operand))
        case .matches(let operand): operation = .regex(try RegexMatcher(operand))
        case .isSubset(let operand): operation = .subset(AddressRange.parse(operand, requirePrefix: true), operand: operand)
        case .isSuperset(let operand): operation = .superset(AddressRange.parse(operand, requirePrefix: false), operand: operand)
        case .exists: operation = .exists
        }
    }

    private static func checkHomogeneous(_ values: [LiteralValue]) throws(MatcherError) {
        guard let first = values.first else { return }
        if values.allSatisfy({ $0.typeName == first.typeName }) { return }
        if values.allSatisfy(\.isNumber) { return }
        throw MatcherError(.invalidPattern, "Nonhomogenous set: \(values.map(\.typeName).joined(separator: ", "))")
    }

    /// Whether `value` passes (including `NOT`, except where the reference skips it).
    func passes(_ value: MatchValue) throws(MatcherError) -> Bool {
        switch operation {
        case .equal(let literal, let invert):
            let timestamp = try Self.timestamp(of: value, if: literal)
            return ValueComparison.equal(value, timestamp: timestamp, literal) != invert
        case .order(let literal, let order):
            return try passesOrder(value, literal, order)
        case .member(let elements, let timestamps):
            let timestamp = timestamps ? try Self.timestamp(of: value) : nil
            let found = elements.contains { ValueComparison.pythonEquals(value, timestamp: timestamp, $0) }
            return found != negated
        case .like(let matcher):
            var text: String?
            switch value {
            case .json(.string(let string)): text = string
            case .bytes(let bytes) where matcher.acceptsBytes:
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    throw MatcherError(.invalidObservation, "binary value is not UTF-8 and cannot be compared with LIKE")
                }
                text = decoded
            default: text = nil
            }
            return (text.map(matcher.matches) ?? false) != negated
        case .regex(let matcher):
            switch value {
            case .json(.string(let string)): return matcher.matches(string) != negated
            case .bytes(let bytes) where matcher.acceptsBytes: return matcher.matches(bytes: bytes) != negated
            default: return negated
            }
        case .subset(let container, let operand):
            guard case .json(.string(let text)) = value else { return negated }
            let inner = try Self.address(text, requirePrefix: false)
            guard let container else { throw MatcherError(.invalidPattern, "Invalid CIDR subnet: \(operand)") }
            return inner.isInside(container) != negated
        case .superset(let inner, let operand):
            guard case .json(.string(let text)) = value else { return negated }
            guard let inner else { throw MatcherError(.invalidPattern, "Invalid IP address or CIDR subnet: \(operand)") }
            let container = try Self.address(text, requirePrefix: true)
            return inner.isInside(container) != negated
        case .exists:
            return true
        }
    }

    private func passesOrder(_ value: MatchValue, _ literal: LiteralValue, _ order: Order) throws(MatcherError) -> Bool {
        let comparison: Int
        if case .timestamp(let t) = literal {
            guard let timestamp = try Self.timestamp(of: value, if: literal) else { return false }
            comparison = timestamp < t ? -1 : (timestamp > t ? 1 : 0)
        } else if let lhs = ValueComparison.numeric(value, allowBool: false),
                  let rhs = ValueComparison.numeric(literal, allowBool: false) {
            comparison = Numeric.compare(lhs, rhs) ?? 0
        } else if ValueComparison.isBinaryStringMismatch(value, literal) {
            return negated
        } else if let result = ValueComparison.order(value, literal) {
            comparison = result
        } else {
            return false
        }
        let result = switch order {
        case .less: comparison < 0
        case .lessOrEqual: comparison <= 0
        case .greater: comparison > 0
        case .greaterOrEqual: comparison >= 0
        }
        return result != negated
    }

    /// A JSON string read as a timestamp when the literal is a timestamp (the reference's
    /// "timestamp hackage"); invalid timestamps are errors.
    private static func timestamp(of value: MatchValue, if literal: LiteralValue) throws(MatcherError) -> Int64? {
        guard case .timestamp = literal else { return nil }
        return try timestamp(of: value)
    }

    private static func timestamp(of value: MatchValue) throws(MatcherError) -> Int64? {
        guard case .json(.string(let text)) = value else { return nil }
        guard let micros = PatternTimestamp.parse(text) else {
            throw MatcherError(.invalidObservation, "Invalid timestamp in JSON: \(text)")
        }
        return micros
    }

    private static func address(_ text: String, requirePrefix: Bool) throws(MatcherError) -> AddressRange {
        guard let range = AddressRange.parse(text, requirePrefix: requirePrefix) else {
            throw MatcherError(.invalidObservation, requirePrefix ? "Invalid CIDR subnet: \(text)" : "Invalid IP address: \(text)")
        }
        return range
    }
}
