import Foundation

extension AdvisoryMatcher {
    /// ``match(_:index:)`` spread over `workers` tasks (the machine's cores by default, one per
    /// thousand items at most): the items are cut into contiguous slices by ``ConcurrentMap``, each
    /// matched on its own, and the findings ranked once at the end.
    /// The result is the same as the sequential one.
    public static func matchConcurrently(_ items: [Equipment], index: AdvisoryIndex, workers: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [AdvisoryMatch] {
        let workers = max(1, min(workers, items.count / 1_000 + 1))
        guard workers > 1 else { return match(items, index: index) }
        let findings = await ConcurrentMap.mapSlices(items, workers: workers) { slice in
            slice.flatMap { match($0, index: index) }
        }
        return rank(findings)
    }
}
