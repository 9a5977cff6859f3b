/// `REPEATS k TIMES` (k ≥ 2): every set of k pairwise-disjoint bindings of the source,
/// ordered like the reference's `_filtered_combinations`: by the position of the last member,
/// then lexicographically by the positions of the others.
final class RepeatSource: BindingSource {
    private let source: any BindingSource
    private let times: Int
    private let budget: SearchBudget
    private var seen: [Binding] = []
    private var started = false
    private var newest: Binding?
    private var combinations: DisjointCombinations?

    init(_ source: any BindingSource, times: Int, budget: SearchBudget) {
        self.source = source
        self.times = times
        self.budget = budget
    }

    func next() throws(MatcherError) -> Binding? {
        if !started {
            started = true
            while seen.count < times - 1, let binding = try source.next() { seen.append(binding) }
            if seen.count < times - 1 { return nil }
        }
        while true {
            if let newest, var current = combinations {
                let combination = try current.next(budget)
                combinations = current
                if let combination { return combination.flatMap { seen[$0] } + newest }
                seen.append(newest)
                self.newest = nil
                combinations = nil
            }
            guard let binding = try source.next() else { return nil }
            newest = binding
            try budget.spend(seen.count)
            let candidates = seen.indices.filter { Bindings.disjoint(seen[$0], binding) }
            combinations = DisjointCombinations(candidates: candidates, size: times - 1, bindings: seen)
        }
    }
}

/// Index-increasing combinations of `size` candidates whose bindings are pairwise disjoint,
/// in lexicographic order, produced lazily by depth-first search.
struct DisjointCombinations {
    private let candidates: [Int]
    private let size: Int
    private let bindings: [Binding]
    /// For each depth, the candidate positions still allowed and the cursor into them.
    private var stack: [(allowed: [Int], cursor: Int)]

    init(candidates: [Int], size: Int, bindings: [Binding]) {
        self.candidates = candidates
        self.size = size
        self.bindings = bindings
        stack = [(Array(candidates.indices), 0)]
    }

    mutating func next(_ budget: SearchBudget) throws(MatcherError) -> [Int]? {
        while let top = stack.last {
            try budget.spend(top.allowed.count - top.cursor + 1)
            guard top.cursor < top.allowed.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].cursor += 1
            let choice = top.allowed[top.cursor]
            let chosen = stack.indices.map { depth in stack[depth].allowed[stack[depth].cursor - 1] }
            if chosen.count == size { return chosen.map { candidates[$0] } }
            let binding = bindings[candidates[choice]]
            let allowed = top.allowed[(top.cursor + 1)...].filter { Bindings.disjoint(binding, bindings[candidates[$0]]) }
            stack.append((Array(allowed), 0))
        }
        return nil
    }
}
