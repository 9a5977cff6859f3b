/// An observation expression compiled for evaluation.
indirect enum CompiledObservation: Sendable {
    case simple(CompiledComparison)
    case and(CompiledObservation, CompiledObservation)
    case or(CompiledObservation, CompiledObservation)
    case followedBy(CompiledObservation, CompiledObservation)
    case within(CompiledObservation, microseconds: Int64)
    case repeats(CompiledObservation, times: Int)
    case startStop(CompiledObservation, start: Int64, stop: Int64)

    init(_ expression: ObservationExpression) throws(MatcherError) {
        switch expression {
        case .observation(let comparison):
            self = .simple(try CompiledComparison(comparison))
        case .and(let lhs, let rhs):
            self = .and(try CompiledObservation(lhs), try CompiledObservation(rhs))
        case .or(let lhs, let rhs):
            self = .or(try CompiledObservation(lhs), try CompiledObservation(rhs))
        case .followedBy(let lhs, let rhs):
            self = .followedBy(try CompiledObservation(lhs), try CompiledObservation(rhs))
        case .grouped(let inner):
            self = try CompiledObservation(inner)
        case .qualified(let inner, let qualifier):
            let base = try CompiledObservation(inner)
            switch qualifier {
            case .within(let seconds):
                guard seconds > 0 else { throw MatcherError(.invalidPattern, "Invalid WITHIN value (must be positive): \(seconds)") }
                let micros = (seconds * 1_000_000).rounded(.toNearestOrEven)
                self = .within(base, microseconds: micros >= 9.2e18 ? Int64.max / 4 : Int64(micros))
            case .repeats(let times):
                guard times >= 1 else { throw MatcherError(.invalidPattern, "Invalid repetition count: \(times)") }
                self = times == 1 ? base : .repeats(base, times: times)
            case .startStop(let start, let stop):
                guard let startTime = start.microsecondsSinceEpoch else {
                    throw MatcherError(.invalidPattern, "Invalid TimestampLiteral: \(start)")
                }
                guard let stopTime = stop.microsecondsSinceEpoch else {
                    throw MatcherError(.invalidPattern, "Invalid TimestampLiteral: \(stop)")
                }
                self = .startStop(base, start: startTime, stop: stopTime)
            }
        }
    }

    /// Builds the lazy binding producer for `set`, evaluating all comparisons up front
    /// (as the reference does during its tree walk).
    func source(for set: ObservationSet, windows: TimeWindows, counts: [Int], budget: SearchBudget) throws(MatcherError) -> any BindingSource {
        switch self {
        case .simple(let comparison):
            return SimpleSource(observations: try comparison.evaluate(set).order, counts: counts)
        case .and(let lhs, let rhs):
            let left = try lhs.source(for: set, windows: windows, counts: counts, budget: budget)
            let right = try rhs.source(for: set, windows: windows, counts: counts, budget: budget)
            return JoinSource(left, right, budget: budget) { _, _ in true }
        case .followedBy(let lhs, let rhs):
            let left = try lhs.source(for: set, windows: windows, counts: counts, budget: budget)
            let right = try rhs.source(for: set, windows: windows, counts: counts, budget: budget)
            return JoinSource(left, right, budget: budget) { earlier, later in
                windows.latestFirst(earlier) <= windows.earliestLast(later)
            }
        case .or(let lhs, let rhs):
            let left = try lhs.source(for: set, windows: windows, counts: counts, budget: budget)
            let right = try rhs.source(for: set, windows: windows, counts: counts, budget: budget)
            return AlternationSource(left, right)
        case .within(let inner, let micros):
            let source = try inner.source(for: set, windows: windows, counts: counts, budget: budget)
            return FilterSource(source, budget: budget) { binding throws(MatcherError) in
                for instance in binding { try windows.checkOrdered(instance) }
                let earliestLast = windows.earliestLast(binding)
                let limit = earliestLast.addingReportingOverflow(micros)
                if limit.overflow { return true }
                return binding.allSatisfy { windows.first[$0.observation] <= limit.partialValue }
            }
        case .repeats(let inner, let times):
            return RepeatSource(try inner.source(for: set, windows: windows, counts: counts, budget: budget), times: times, budget: budget)
        case .startStop(let inner, let start, let stop):
            let source = try inner.source(for: set, windows: windows, counts: counts, budget: budget)
            guard start < stop else { return EmptySource() }
            return FilterSource(source, budget: budget) { binding throws(MatcherError) in
                for instance in binding {
                    try windows.checkOrdered(instance)
                    let first = windows.first[instance.observation]
                    let last = windows.last[instance.observation]
                    if stop == first { return false }
                    if last == start { continue }
                    if !(first <= stop && start <= last) { return false }
                }
                return true
            }
        }
    }
}
