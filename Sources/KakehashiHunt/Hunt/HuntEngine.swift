/// Runs events through the index, confirms candidates and keeps per-indicator sliding windows for
/// sequence patterns. Not thread-safe: one engine per scanning thread.
public final class HuntEngine {
    /// The compiled indicators.
    public let indicators: CompiledIndicators
    private let index: IndicatorIndex
    private var stamp: [UInt32]
    private var epoch: UInt32 = 0
    private var hits: [UInt32] = []
    private var heads = HeadBuffer()
    private var windows: [UInt32: [EventObservation]] = [:]
    /// Matches so far.
    public private(set) var sightings: SightingAccumulator
    /// Matcher failures (e.g. a regular expression the engine rejects at match time), counted.
    public private(set) var matcherErrors = 0
    /// Events passed to the matcher.
    public private(set) var confirmations = 0
    /// Largest number of events a window may hold per indicator.
    public let windowCap: Int

    /// An engine over a finished compiler's output.
    public init(compiler: HuntCompiler, maxSamples: Int = 5, windowCap: Int = 256) {
        self.indicators = compiler.indicators
        self.index = compiler.index
        self.stamp = Array(repeating: 0, count: compiler.indicators.count)
        self.sightings = SightingAccumulator(maxSamples: maxSamples)
        self.windowCap = windowCap
    }

    deinit { heads.deallocate() }

    /// Processes one event read from line `line` of `path`.
    @inline(__always)
    public func process(_ event: LogEvent, path: String, line: Int) {
        epoch &+= 1
        if epoch == 0 { stamp = Array(repeating: 0, count: stamp.count); epoch = 1 }
        hits.removeAll(keepingCapacity: true)
        index.forEachCandidate(in: event, heads: &heads) { term in
            let n = self.index.indicator(ofTerm: term)
            if stamp[Int(n)] != epoch { stamp[Int(n)] = epoch; hits.append(n) }
        }
        if hits.isEmpty { return }
        confirm(EventObservation(event, source: "\(path):\(line)"))
    }

    private func confirm(_ matcher: PatternMatcher, _ observations: [EventObservation]) -> Bool {
        confirmations += 1
        do {
            return try matcher.matches(ObservationSet(observations: observations.map(\.matcherObservation)))
        } catch {
            matcherErrors += 1
            return false
        }
    }

    private func confirm(_ observation: EventObservation) {
        for n in hits {
            switch indicators.modes[Int(n)] {
            case .exact:
                sightings.record(n, [observation])
            case .confirm:
                guard let matcher = indicators.matchers[n] else { continue }
                if confirm(matcher, [observation]) { sightings.record(n, [observation]) }
            case .windowed:
                guard let matcher = indicators.matchers[n] else { continue }
                var window = windows[n] ?? []
                window.append(observation)
                if let now = observation.timestamp, let span = indicators.windows[n] {
                    window.removeAll { ($0.timestamp ?? now) < now - span }
                }
                if window.count > windowCap { window.removeFirst(window.count - windowCap) }
                if confirm(matcher, window) {
                    sightings.record(n, window)
                    window.removeAll()
                }
                windows[n] = window
            }
        }
    }
}
