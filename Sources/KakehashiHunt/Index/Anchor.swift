/// A cheap test that any event satisfying a comparison expression must pass: the index looks these
/// up per event, and only events hitting one are confirmed with the full matcher.
public enum Anchor: Hashable, Sendable {
    /// The field equals these bytes.
    case equal(IndexField, [UInt8])
    /// The address field lies in this prefix.
    case prefix(IndexField, IPKey, length: Int, v6: Bool)
    /// The field contains these bytes.
    case substring(IndexField, [UInt8])
    /// The event has an object of this type at all (the fallback for `!=`, `<`, `NOT`…).
    case presence(ProducedObjectType)

    /// Relative cost of an anchor hit, used to pick the cheaper side of an `AND`.
    var cost: Int {
        switch self {
        case .equal, .prefix: 1
        case .substring: 100
        case .presence: 1_000_000
        }
    }
}

/// The anchors of a comparison expression: which anchors any match must hit.
public enum AnchorSet: Sendable, Equatable {
    /// The expression can never hold on log events (it needs an object type the readers never produce).
    case never
    /// Any match hits at least one of `anchors`; when `exact`, a hit is itself a match.
    case some([Anchor], exact: Bool)

    var cost: Int {
        switch self {
        case .never: 0
        case .some(let anchors, _): anchors.reduce(0) { $0 + $1.cost }
        }
    }

    /// The anchors of `A OR B`.
    func or(_ other: AnchorSet) -> AnchorSet {
        switch (self, other) {
        case (.never, _): return other
        case (_, .never): return self
        case (.some(let a, let ea), .some(let b, let eb)): return .some(Array(Set(a).union(b)), exact: ea && eb)
        }
    }

    /// The anchors of `A AND B`: either side's set suffices; take the cheaper one.
    func and(_ other: AnchorSet) -> AnchorSet {
        switch (self, other) {
        case (.never, _), (_, .never): return .never
        case (.some(let a, _), .some(let b, _)):
            return .some(cost <= other.cost ? a : b, exact: false)
        }
    }
}
