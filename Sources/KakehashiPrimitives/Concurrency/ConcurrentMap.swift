/// The hub's one parallel map: an array cut into contiguous slices, each transformed in its own
/// child task, at most `workers` at once, the results joined in input order.
///
/// Use it for CPU-bound work over a batch (validating an envelope, matching a registry, preparing
/// rows); the caller decides when a batch is large enough to be worth the tasks.
///
/// ```swift
/// let lengths = await ConcurrentMap.map(lines, workers: 4) { $0.utf8.count }
/// ```
public enum ConcurrentMap {
    /// `transform` applied to each of at most `workers` contiguous, near-equal slices of `items`
    /// (one child task per slice), the slices' results concatenated in input order. With one worker,
    /// or one item, the transform runs on the caller's task.
    public static func mapSlices<Element: Sendable, Result: Sendable>(
        _ items: [Element], workers: Int,
        _ transform: @escaping @Sendable (ArraySlice<Element>) -> [Result]
    ) async -> [Result] {
        let workers = max(1, min(workers, items.count))
        guard workers > 1 else { return transform(items[...]) }
        let size = (items.count + workers - 1) / workers
        let starts = Array(stride(from: 0, to: items.count, by: size))
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for (slot, start) in starts.enumerated() {
                let slice = items[start..<min(start + size, items.count)]
                group.addTask { (slot, transform(slice)) }
            }
            var parts = [[Result]](repeating: [], count: starts.count)
            for await (slot, part) in group { parts[slot] = part }
            return parts.flatMap { $0 }
        }
    }

    /// `transform` applied to every element, on at most `workers` tasks; the results are in input order.
    public static func map<Element: Sendable, Result: Sendable>(
        _ items: [Element], workers: Int,
        _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        await mapSlices(items, workers: workers) { $0.map(transform) }
    }
}
