import KakehashiPrimitives

/// A comparison expression (the inside of `[ … ]`) compiled for evaluation.
indirect enum CompiledComparison: Sendable {
    case test(PropertyTest)
    case and(CompiledComparison, CompiledComparison)
    case or(CompiledComparison, CompiledComparison)

    init(_ expression: ComparisonExpression) throws(MatcherError) {
        switch expression {
        case .comparison(let comparison): self = .test(try PropertyTest(comparison))
        case .and(let lhs, let rhs): self = .and(try CompiledComparison(lhs), try CompiledComparison(rhs))
        case .or(let lhs, let rhs): self = .or(try CompiledComparison(lhs), try CompiledComparison(rhs))
        }
    }

    /// The observations of `set` this expression selects, with their root objects.
    func evaluate(_ set: ObservationSet) throws(MatcherError) -> RootMap {
        switch self {
        case .test(let test): return try Self.evaluate(test, set)
        case .and(let lhs, let rhs): return try lhs.evaluate(set).intersection(rhs.evaluate(set))
        case .or(let lhs, let rhs): return try lhs.evaluate(set).union(rhs.evaluate(set))
        }
    }

    private static func evaluate(_ test: PropertyTest, _ set: ObservationSet) throws(MatcherError) -> RootMap {
        var result = RootMap()
        let type = test.path.objectType
        if set.ignoresNonObservableTypes && ObservationSet.nonObservableTypes.contains(type) { return result }
        for (index, observation) in set.observations.enumerated() {
            guard let candidates = observation.indexesByType[type] else { continue }
            var roots = Set<Int>()
            for candidate in candidates where try test.holds(on: observation.objects[candidate].object, in: observation) {
                roots.insert(candidate)
            }
            if !roots.isEmpty { result.insert(observation: index, roots: roots) }
        }
        return result
    }
}

extension PropertyTest {
    /// Whether the object passes: some selected value passes the test (values are tried in
    /// order and the first pass wins, as in the reference, which matters for errors).
    func holds(on root: JSONValue, in observation: Observation) throws(MatcherError) -> Bool {
        let values = try path.select(from: root, in: observation)
        if case .exists = operation { return values.isEmpty == negated }
        for value in values where try passes(value) { return true }
        return false
    }
}
