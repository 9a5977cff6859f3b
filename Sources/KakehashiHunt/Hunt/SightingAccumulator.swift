/// Running totals of one indicator's matches.
public struct SightingStats: Sendable, Equatable {
    /// Number of matches.
    public var count = 0
    /// Earliest matching event time.
    public var firstSeen: Double?
    /// Latest matching event time.
    public var lastSeen: Double?
    /// The first few matching events, kept as evidence.
    public var samples: [EventObservation] = []
}

/// Collects matches per indicator number.
public struct SightingAccumulator: Sendable {
    /// Stats per indicator number.
    public private(set) var stats: [UInt32: SightingStats] = [:]
    /// Total matches over all indicators.
    public private(set) var totalMatches = 0
    /// How many matching events to keep per indicator.
    public let maxSamples: Int

    /// An empty accumulator keeping up to `maxSamples` events per indicator.
    public init(maxSamples: Int = 5) { self.maxSamples = maxSamples }

    /// Records one match of `indicator` by `observations` (one event, or a window's worth).
    public mutating func record(_ indicator: UInt32, _ observations: [EventObservation]) {
        totalMatches += 1
        var s = stats[indicator] ?? SightingStats()
        s.count += 1
        for o in observations {
            if let t = o.timestamp {
                s.firstSeen = min(s.firstSeen ?? t, t)
                s.lastSeen = max(s.lastSeen ?? t, t)
            }
            if s.samples.count < maxSamples && !s.samples.contains(o) { s.samples.append(o) }
        }
        stats[indicator] = s
    }
}
