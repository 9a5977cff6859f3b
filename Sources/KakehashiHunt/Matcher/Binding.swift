/// One copy of an observation: observed-data with `number_observed = n` stands for `n`
/// observations sharing one time window, numbered `0..<n`.
struct Instance: Hashable, Sendable {
    var observation: Int
    var copy: Int
}

/// Observations bound to the observation expressions of a pattern, left to right.
typealias Binding = [Instance]

/// A lazy producer of bindings. Producers mirror the reference matcher's generators, including
/// the order in which they pull from their inputs, so the first binding found is the same.
protocol BindingSource: AnyObject {
    func next() throws(MatcherError) -> Binding?
}

/// Counts the work of one match so pathological patterns stop instead of running for hours.
final class SearchBudget {
    private var remaining: Int

    init(steps: Int) {
        remaining = steps
    }

    func spend(_ steps: Int = 1) throws(MatcherError) {
        remaining -= steps
        if remaining < 0 {
            throw MatcherError(.searchLimitExceeded, "gave up after the configured number of binding steps")
        }
    }
}

enum Bindings {
    /// No observation is bound twice.
    static func disjoint(_ a: Binding, _ b: Binding) -> Bool {
        for x in a where b.contains(x) { return false }
        return true
    }
}

/// Windows of the observations, used by time constraints.
struct TimeWindows: Sendable {
    let first: [Int64]
    let last: [Int64]

    init(_ set: ObservationSet) {
        first = set.observations.map(\.firstObserved)
        last = set.observations.map(\.lastObserved)
    }

    func latestFirst(_ binding: Binding) -> Int64 {
        binding.map { first[$0.observation] }.max() ?? .min
    }

    func earliestLast(_ binding: Binding) -> Int64 {
        binding.map { last[$0.observation] }.min() ?? .max
    }

    /// The reference asserts `first_observed <= last_observed` when checking windows.
    func checkOrdered(_ instance: Instance) throws(MatcherError) {
        guard first[instance.observation] <= last[instance.observation] else {
            throw MatcherError(.invalidObservation, "observation #\(instance.observation) has first_observed after last_observed")
        }
    }
}

/// `[ … ]`: every copy of every selected observation, in selection order.
final class SimpleSource: BindingSource {
    private let observations: [Int]
    private let counts: [Int]
    private var position = 0
    private var copy = 0

    init(observations: [Int], counts: [Int]) {
        self.observations = observations
        self.counts = counts
    }

    func next() throws(MatcherError) -> Binding? {
        while position < observations.count {
            let observation = observations[position]
            if copy < counts[observation] {
                copy += 1
                return [Instance(observation: observation, copy: copy - 1)]
            }
            position += 1
            copy = 0
        }
        return nil
    }
}

/// Keeps the bindings of `source` that satisfy `accept` (`WITHIN`, `START … STOP`).
final class FilterSource: BindingSource {
    private let source: any BindingSource
    private let accept: (Binding) throws(MatcherError) -> Bool
    private let budget: SearchBudget

    init(_ source: any BindingSource, budget: SearchBudget, accept: @escaping (Binding) throws(MatcherError) -> Bool) {
        self.source = source
        self.budget = budget
        self.accept = accept
    }

    func next() throws(MatcherError) -> Binding? {
        while let binding = try source.next() {
            try budget.spend(binding.count)
            if try accept(binding) { return binding }
        }
        return nil
    }
}

/// A source that yields nothing (`START` not before `STOP`).
final class EmptySource: BindingSource {
    func next() throws(MatcherError) -> Binding? { nil }
}
