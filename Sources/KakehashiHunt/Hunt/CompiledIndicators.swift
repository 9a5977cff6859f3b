/// How an indicator is evaluated once the index reports it as a candidate.
public enum IndicatorMode: UInt8, Sendable {
    /// One observation whose anchors are the whole condition: an index hit is a match.
    case exact
    /// One observation that needs the matcher to confirm a hit.
    case confirm
    /// Several observations or qualifiers: candidates go into a sliding time window per indicator.
    case windowed
}

/// The indicators kept for a hunt: ids in one byte arena and, only where the matcher is needed,
/// the compiled pattern matcher. A million equality indicators therefore cost little more than their ids.
public struct CompiledIndicators: Sendable {
    private var idBytes: [UInt8] = []
    private var idStart: [UInt32] = [0]
    /// Evaluation mode per indicator.
    public private(set) var modes: [IndicatorMode] = []
    /// Compiled matchers of `confirm`/`windowed` indicators, by indicator number.
    public private(set) var matchers: [UInt32: PatternMatcher] = [:]
    /// Time window in seconds of `windowed` indicators, by indicator number.
    public private(set) var windows: [UInt32: Double] = [:]

    /// An empty set.
    public init() {}

    /// Number of indicators.
    public var count: Int { modes.count }

    /// Appends an indicator; returns its number.
    mutating func append(id: String, mode: IndicatorMode, matcher: PatternMatcher?, window: Double?) -> UInt32 {
        let n = UInt32(modes.count)
        idBytes.append(contentsOf: id.utf8)
        idStart.append(UInt32(idBytes.count))
        modes.append(mode)
        if mode != .exact, let matcher { matchers[n] = matcher }
        if let window { windows[n] = window }
        return n
    }

    /// The id of indicator `n`.
    public func id(_ n: UInt32) -> String {
        String(decoding: idBytes[Int(idStart[Int(n)])..<Int(idStart[Int(n) + 1])], as: UTF8.self)
    }
}
