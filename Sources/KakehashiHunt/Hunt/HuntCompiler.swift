/// Turns indicator records into an `IndicatorIndex` plus the per-indicator data the engine needs.
public struct HuntCompiler {
    private var builder = IndexBuilder()
    /// The index; complete after `finish()`.
    public private(set) var index = IndicatorIndex(IndexBuilder())
    /// The indicators accepted so far.
    public private(set) var indicators = CompiledIndicators()
    /// Indicators not used, with reasons.
    public private(set) var skipped: [SkippedIndicator] = []
    /// Indicators that are valid but can never match log events (e.g. only `process:` comparisons).
    public private(set) var unmatchable = 0
    /// Window used for sequence patterns without a `WITHIN` qualifier, in seconds.
    public var defaultWindow: Double

    /// A compiler; `defaultWindow` bounds FOLLOWEDBY/AND/REPEATS patterns without `WITHIN`.
    public init(defaultWindow: Double = 3600) {
        self.defaultWindow = defaultWindow
    }

    /// Parses and indexes one indicator; invalid ones are recorded in `skipped`.
    public mutating func add(_ record: IndicatorRecord) {
        guard record.patternType == "stix" else {
            skipped.append(SkippedIndicator(id: record.id, reason: "pattern_type '\(record.patternType)' is not stix"))
            return
        }
        let pattern: Pattern
        do { pattern = try Pattern(parsing: record.pattern) } catch {
            skipped.append(SkippedIndicator(id: record.id, reason: "invalid pattern: \(error)"))
            return
        }
        var observations: [AnchorSet] = []
        collect(pattern.root, into: &observations)
        if observations.allSatisfy({ $0 == .never }) { unmatchable += 1; return }
        let mode: IndicatorMode
        var window: Double?
        if observations.count == 1, case .observation = Self.ungrouped(pattern.root) {
            if case .some(_, let exact) = observations[0], exact { mode = .exact } else { mode = .confirm }
        } else {
            mode = .windowed
            window = Self.within(pattern.root) ?? defaultWindow
        }
        var matcher: PatternMatcher?
        if mode != .exact {
            do { matcher = try PatternMatcher(pattern) } catch {
                skipped.append(SkippedIndicator(id: record.id, reason: "pattern cannot be evaluated: \(error)"))
                return
            }
        }
        let n = indicators.append(id: record.id, mode: mode, matcher: matcher, window: window)
        for (i, set) in observations.enumerated() {
            guard case .some(let anchors, _) = set else { continue }
            builder.addTerm(indicator: n, observation: UInt16(clamping: i), anchors: anchors)
        }
    }

    /// Finishes the index (builds automata); call once after the last `add`.
    public mutating func finish() { index = IndicatorIndex(builder); builder = IndexBuilder() }

    private func collect(_ e: ObservationExpression, into out: inout [AnchorSet]) {
        switch e {
        case .observation(let ce): out.append(AnchorExtractor.anchors(of: ce))
        case .and(let l, let r), .or(let l, let r), .followedBy(let l, let r):
            collect(l, into: &out); collect(r, into: &out)
        case .qualified(let inner, _), .grouped(let inner):
            collect(inner, into: &out)
        }
    }

    static func ungrouped(_ e: ObservationExpression) -> ObservationExpression {
        if case .grouped(let inner) = e { return ungrouped(inner) }
        return e
    }

    /// The outermost `WITHIN` window, if the whole pattern is qualified by one.
    static func within(_ e: ObservationExpression) -> Double? {
        switch e {
        case .grouped(let inner): return within(inner)
        case .qualified(let inner, .within(let seconds)): return min(seconds, within(inner) ?? seconds)
        case .qualified(let inner, _): return within(inner)
        default: return nil
        }
    }
}
