/// A Boolean combination of comparisons inside one observation expression `[ … ]`.
///
/// `AND` binds tighter than `OR`; both are left-associative. Parentheses leave no trace.
public indirect enum ComparisonExpression: Sendable, Hashable {
    /// A single comparison such as `file:name = 'a.exe'`.
    case comparison(Comparison)
    /// Both sides hold for the same observed object.
    case and(ComparisonExpression, ComparisonExpression)
    /// Either side holds.
    case or(ComparisonExpression, ComparisonExpression)

    /// Calls `body` for every comparison in source order.
    public func forEachComparison(_ body: (Comparison) -> Void) {
        switch self {
        case .comparison(let comparison):
            body(comparison)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            lhs.forEachComparison(body)
            rhs.forEachComparison(body)
        }
    }
}

/// One property test: an object path, an operator and its operand, optionally negated.
public struct Comparison: Sendable, Hashable {
    /// The object path on the left-hand side (`file:hashes.MD5`).
    public var path: ObjectPath
    /// The operator with its constant operand.
    public var op: ComparisonOperator
    /// `true` when the comparison was written with a `NOT` prefix (`file:name NOT = 'x'`,
    /// `NOT EXISTS file:name`).
    public var negated: Bool

    /// Creates a comparison.
    public init(path: ObjectPath, op: ComparisonOperator, negated: Bool = false) {
        self.path = path
        self.op = op
        self.negated = negated
    }
}

/// A comparison operator together with its right-hand operand.
public enum ComparisonOperator: Sendable, Hashable {
    /// `=` (also written `==`).
    case equal(Constant)
    /// `!=` (also written `<>`).
    case notEqual(Constant)
    /// `<`
    case less(Constant)
    /// `<=`
    case lessOrEqual(Constant)
    /// `>`
    case greater(Constant)
    /// `>=`
    case greaterOrEqual(Constant)
    /// `IN ( … )`; the set may be empty.
    case isIn([Constant])
    /// `LIKE '…'` with SQL wildcards `%` and `_`.
    case like(String)
    /// `MATCHES '…'` with a PCRE-style regular expression.
    case matches(String)
    /// `ISSUBSET '…'`: the property's address or CIDR lies inside the operand CIDR.
    case isSubset(String)
    /// `ISSUPERSET '…'`: the property's CIDR contains the operand address or CIDR.
    case isSuperset(String)
    /// `EXISTS path` (the path is the comparison's ``Comparison/path``).
    case exists
}
