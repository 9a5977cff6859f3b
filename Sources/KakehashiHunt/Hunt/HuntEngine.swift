/// Runs events through the index, confirms candidates and keeps per-indicator sliding windows for
/// sequence patterns. Not thread-safe: one engine per scanning thread.
public final class HuntEngine {
    /// The compiled indicators.
    public let indicators: CompiledIndicators
    private let index: IndicatorIndex
    /// The per-event scratch state in raw memory, so touching it costs no dynamic exclusivity check
    /// (stored `var`s of a class cost a `swift_beginAccess` per access).
    private let scratch: UnsafeMutablePointer<Scratch>
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
        self.scratch = .allocate(capacity: 1)
        self.scratch.initialize(to: Scratch(indicatorCount: compiler.indicators.count))
        self.sightings = SightingAccumulator(maxSamples: maxSamples)
        self.windowCap = windowCap
    }

    deinit {
        scratch.pointee.deallocate()
        scratch.deinitialize(count: 1)
        scratch.deallocate()
    }

    /// Processes one event read from line `line` of `path`.
    @inline(__always)
    public func process(_ event: LogEvent, path: String, line: Int) {
        let s = scratch
        s.pointee.epoch &+= 1
        if s.pointee.epoch == 0 {
            s.pointee.stamp.update(repeating: 0)
            s.pointee.epoch = 1
        }
        let epoch = s.pointee.epoch
        let stamp = s.pointee.stamp
        let index = self.index
        s.pointee.hits.count = 0
        index.forEachCandidate(in: event, heads: &s.pointee.heads) { term in
            let n = index.indicator(ofTerm: term)
            if stamp[Int(n)] != epoch {
                stamp[Int(n)] = epoch
                s.pointee.hits.append(Int32(bitPattern: n))
            }
        }
        if s.pointee.hits.count == 0 { return }
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
        let hits = scratch.pointee.hits
        for k in 0..<hits.count {
            let n = UInt32(bitPattern: hits.base[k])
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

extension HuntEngine {
    /// What one event's lookup writes: posting heads, the indicators hit (each once, by stamping
    /// them with the event's epoch).
    struct Scratch {
        var heads = HeadBuffer()
        var hits = HeadBuffer()
        var epoch: UInt32 = 0
        let stamp: UnsafeMutableBufferPointer<UInt32>

        init(indicatorCount: Int) {
            stamp = .allocate(capacity: max(indicatorCount, 1))
            stamp.initialize(repeating: 0)
        }

        func deallocate() {
            heads.deallocate(); hits.deallocate(); stamp.deallocate()
        }
    }
}
