/// Derives index anchors from pattern ASTs.
public enum AnchorExtractor {
    /// The anchors of one bracketed comparison expression.
    public static func anchors(of expression: ComparisonExpression) -> AnchorSet {
        switch expression {
        case .comparison(let c): return anchors(of: c)
        case .and(let l, let r): return anchors(of: l).and(anchors(of: r))
        case .or(let l, let r): return anchors(of: l).or(anchors(of: r))
        }
    }

    /// The anchors of one comparison.
    public static func anchors(of c: Comparison) -> AnchorSet {
        guard let type = ProducedObjectType(stixType: c.path.objectType) else { return .never }
        let fallback = AnchorSet.some([.presence(type)], exact: false)
        guard !c.negated, let field = IndexField.field(for: c.path) else { return fallback }
        switch c.op {
        case .equal(let constant):
            guard let bytes = key(constant, for: field) else { return fallback }
            return .some([.equal(field, bytes)], exact: true)
        case .isIn(let constants):
            var result: [Anchor] = []
            for constant in constants {
                guard let bytes = key(constant, for: field) else { return fallback }
                result.append(.equal(field, bytes))
            }
            return result.isEmpty ? .never : .some(result, exact: true)
        case .isSubset(let cidr):
            // Operands the matcher rejects (it raises at match time, as the reference does) go to
            // confirmation so both agree; the matcher's error is counted there.
            guard field.isAddress, AddressRange.parse(cidr, requirePrefix: true) != nil,
                  let parsed = IPKey.parseCIDR(cidr) else { return fallback }
            if field == .ipv4Value && parsed.v6 || field == .ipv6Value && !parsed.v6 { return fallback }
            return .some([.prefix(field, parsed.key, length: parsed.length, v6: parsed.v6)], exact: true)
        case .like(let pattern):
            guard !field.isInteger else { return fallback }
            let literal = LiteralExtractor.like(pattern)
            if literal.whole { return .some([.equal(field, literal.bytes)], exact: true) }
            return literal.bytes.isEmpty ? fallback : .some([.substring(field, literal.bytes)], exact: false)
        case .matches(let regex):
            guard !field.isInteger, let literal = LiteralExtractor.regex(regex) else { return fallback }
            return .some([.substring(field, literal)], exact: false)
        default:
            return fallback
        }
    }

    /// The bytes an equality constant is indexed under, or nil when it cannot be (type mismatch).
    static func key(_ constant: Constant, for field: IndexField) -> [UInt8]? {
        switch constant {
        case .string(let s) where !field.isInteger: return Array(s.utf8)
        case .integer(let n) where field.isInteger: return Array(String(n).utf8)
        default: return nil
        }
    }
}
