import Foundation
import Testing
import KakehashiPrimitives

@Suite("ConcurrentMap")
struct ConcurrentMapTests {
    /// Counts the slices transformed and how many ran at once.
    final class Probe: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var peak = 0
        private(set) var slices: [Int] = []

        func enter(_ count: Int) {
            lock.withLock {
                running += 1
                peak = max(peak, running)
                slices.append(count)
            }
        }

        func leave() { lock.withLock { running -= 1 } }
    }

    @Test(arguments: [(0, 4), (1, 4), (7, 1), (7, 3), (100, 4), (1_000, 7), (5, 16)])
    func resultsKeepInputOrder(count: Int, workers: Int) async {
        let items = Array(0..<count)

        // Later slices finish first, so an order kept by luck would show.
        let mapped = await ConcurrentMap.mapSlices(items, workers: workers) { slice in
            usleep(UInt32(max(0, 2_000 - (slice.first ?? 0) * 2)))
            return slice.map { $0 * 3 }
        }

        #expect(mapped == items.map { $0 * 3 })
    }

    @Test(arguments: [(100, 1), (100, 3), (100, 4), (10, 16), (64, 8)])
    func neverRunsMoreSlicesThanWorkers(count: Int, workers: Int) async {
        let probe = Probe()

        let mapped = await ConcurrentMap.map(Array(0..<count), workers: workers) { (value: Int) -> Int in value }
        _ = await ConcurrentMap.mapSlices(Array(0..<count), workers: workers) { slice in
            probe.enter(slice.count)
            usleep(3_000)
            probe.leave()
            return Array(slice)
        }

        #expect(mapped == Array(0..<count))
        #expect(probe.slices.count == min(workers, count))
        #expect(probe.peak <= workers)
        #expect(probe.slices.reduce(0, +) == count)
        #expect((probe.slices.max() ?? 0) - (probe.slices.min() ?? 0) <= (count + workers - 1) / workers)
    }

    @Test func oneWorkerRunsOnTheCallersTaskAsOneSlice() async {
        let probe = Probe()

        _ = await ConcurrentMap.mapSlices(Array(0..<50), workers: 1) { slice in
            probe.enter(slice.count)
            probe.leave()
            return Array(slice)
        }

        #expect(probe.slices == [50])
    }
}
