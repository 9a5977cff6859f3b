/// An observation expression: the part of a pattern that is matched against observations.
///
/// Precedence, from loosest to tightest: `FOLLOWEDBY`, `OR`, `AND`, then qualifiers, which bind to
/// the single bracketed or parenthesised expression before them. All binary operators are
/// left-associative, so `a AND b AND c` is `.and(.and(a, b), c)`.
public indirect enum ObservationExpression: Sendable, Hashable {
    /// A bracketed comparison expression, `[ … ]`, matched against one observed object.
    case observation(ComparisonExpression)
    /// Both sides match, on different observations.
    case and(ObservationExpression, ObservationExpression)
    /// Either side matches.
    case or(ObservationExpression, ObservationExpression)
    /// The left side matches, then the right side matches on later observations.
    case followedBy(ObservationExpression, ObservationExpression)
    /// A qualified expression, e.g. `[…] REPEATS 3 TIMES`.
    case qualified(ObservationExpression, Qualifier)
    /// A parenthesised expression, `( … )`. Semantically transparent; kept because the reference
    /// validator treats qualifiers on a group differently from qualifiers on a bracket.
    case grouped(ObservationExpression)

    /// Calls `body` for every comparison in source order.
    public func forEachComparison(_ body: (Comparison) -> Void) {
        switch self {
        case .observation(let comparison):
            comparison.forEachComparison(body)
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .followedBy(let lhs, let rhs):
            lhs.forEachComparison(body)
            rhs.forEachComparison(body)
        case .qualified(let inner, _), .grouped(let inner):
            inner.forEachComparison(body)
        }
    }
}

/// A qualifier that restricts when or how often an observation expression must match.
public enum Qualifier: Sendable, Hashable {
    /// `WITHIN n SECONDS`: all bound observations fit in a window of `seconds` (integer or decimal).
    case within(seconds: Double)
    /// `REPEATS n TIMES`: the expression matches `times` disjoint sets of observations.
    case repeats(times: Int)
    /// `START t'…' STOP t'…'`: observations lie in `[start, stop)`.
    case startStop(start: PatternTimestamp, stop: PatternTimestamp)
}
