import Foundation

extension AdvisoryMatcher {
    /// ``match(_:index:)`` spread over `workers` tasks (the machine's cores by default): the items
    /// are cut into contiguous slices, each matched on its own, and the findings ranked once at the end.
    /// The result is the same as the sequential one.
    public static func matchConcurrently(_ items: [Equipment], index: AdvisoryIndex, workers: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [AdvisoryMatch] {
        let workers = max(1, min(workers, items.count / 1_000 + 1))
        guard workers > 1 else { return match(items, index: index) }
        let size = (items.count + workers - 1) / workers
        let slices = await withTaskGroup(of: (Int, [AdvisoryMatch]).self) { group in
            for worker in 0..<workers {
                let range = (worker * size)..<min(items.count, (worker + 1) * size)
                group.addTask {
                    var findings: [AdvisoryMatch] = []
                    for item in items[range] { findings += match(item, index: index) }
                    return (worker, findings)
                }
            }
            var slices: [[AdvisoryMatch]] = Array(repeating: [], count: workers)
            for await (worker, findings) in group { slices[worker] = findings }
            return slices
        }
        return rank(slices.flatMap { $0 })
    }
}
