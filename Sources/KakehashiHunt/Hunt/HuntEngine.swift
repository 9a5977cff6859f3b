/// Runs events through the index, confirms candidates and keeps per-indicator sliding windows for
/// sequence patterns. Not thread-safe: one engine per scanning thread.
public final class HuntEngine {
    /// The compiled indicators.
    public let indicators: CompiledIndicators
    private let index: IndicatorIndex
    private let matcher: (any HuntMatcher)?
    private var stamp: [UInt32]
    private var epoch: UInt32 = 0
    private var hits: [UInt32] = []
    private var windows: [UInt32: [EventObservation]] = [:]
    /// Matches so far.
    public private(set) var sightings: SightingAccumulator
    /// Candidates that needed the matcher but none was configured.
    public private(set) var unconfirmed = 0
    /// Events passed to the matcher.
    public private(set) var confirmations = 0
    /// Largest number of events a window may hold per indicator.
    public let windowCap: Int

    /// An engine over a finished compiler's output.
    public init(compiler: HuntCompiler, matcher: (any HuntMatcher)?, maxSamples: Int = 5, windowCap: Int = 256) {
        self.indicators = compiler.indicators
        self.index = compiler.index
        self.matcher = matcher
        self.stamp = Array(repeating: 0, count: compiler.indicators.count)
        self.sightings = SightingAccumulator(maxSamples: maxSamples)
        self.windowCap = windowCap
    }

    /// Processes one event; `source` names it (file:line) and is only called on a candidate.
    @inline(__always)
    public func process(_ event: LogEvent, source: () -> String) {
        epoch &+= 1
        if epoch == 0 { stamp = Array(repeating: 0, count: stamp.count); epoch = 1 }
        hits.removeAll(keepingCapacity: true)
        let termIndicator = index.termIndicator
        index.forEachCandidate(in: event) { term in
            let n = termIndicator[Int(term)]
            if stamp[Int(n)] != epoch { stamp[Int(n)] = epoch; hits.append(n) }
        }
        if hits.isEmpty { return }
        confirm(EventObservation(event, source: source()))
    }

    private func confirm(_ observation: EventObservation) {
        for n in hits {
            switch indicators.modes[Int(n)] {
            case .exact:
                sightings.record(n, [observation])
            case .confirm:
                guard let matcher, let pattern = indicators.patterns[n] else { unconfirmed += 1; continue }
                confirmations += 1
                if matcher.matches(pattern, observations: [observation]) { sightings.record(n, [observation]) }
            case .windowed:
                guard let matcher, let pattern = indicators.patterns[n] else { unconfirmed += 1; continue }
                var window = windows[n] ?? []
                window.append(observation)
                if let now = observation.timestamp, let span = indicators.windows[n] {
                    window.removeAll { ($0.timestamp ?? now) < now - span }
                }
                if window.count > windowCap { window.removeFirst(window.count - windowCap) }
                confirmations += 1
                if matcher.matches(pattern, observations: window) {
                    sightings.record(n, window)
                    window.removeAll()
                }
                windows[n] = window
            }
        }
    }
}
