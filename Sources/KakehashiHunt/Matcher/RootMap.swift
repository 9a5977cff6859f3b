/// Which observations satisfy a comparison expression, and through which root objects
/// (indexes into ``Observation/objects``). Keeps the reference matcher's dictionary order,
/// which decides the order in which bindings are tried.
struct RootMap {
    private(set) var order: [Int] = []
    private(set) var roots: [Int: Set<Int>] = [:]

    mutating func insert(observation: Int, roots newRoots: Set<Int>) {
        if roots[observation] == nil { order.append(observation) }
        roots[observation, default: []].formUnion(newRoots)
    }

    /// `AND`: observations in both, with the roots they share; order of `self`.
    func intersection(_ other: RootMap) -> RootMap {
        var result = RootMap()
        for observation in order {
            guard let mine = roots[observation], let theirs = other.roots[observation] else { continue }
            let shared = mine.intersection(theirs)
            if !shared.isEmpty { result.insert(observation: observation, roots: shared) }
        }
        return result
    }

    /// `OR`: observations in either, roots merged; `self`'s order, then `other`'s newcomers.
    func union(_ other: RootMap) -> RootMap {
        var result = self
        for observation in other.order {
            if let theirs = other.roots[observation] { result.insert(observation: observation, roots: theirs) }
        }
        return result
    }
}
