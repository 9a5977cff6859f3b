/// A pattern compiled for matching; compile once, match many observation sets.
///
/// Semantics follow the OASIS reference matcher (`stix2matcher.matcher.match(pattern, data,
/// stix_version='2.1')`): comparison `AND` needs one object to satisfy both sides, `_ref`/`_refs`
/// properties are followed, `[*]` means "any element", observation operators bind distinct
/// observations (`number_observed` copies each), and qualifiers filter by time and count.
///
/// ```swift
/// let matcher = try PatternMatcher(parsing: "[ipv4-addr:value ISSUBSET '198.51.100.0/24']")
/// let data = try ObservationSet(stix21: [try JSONValue.parse(bundleText, duplicateKeys: .lastWins)])
/// if try matcher.matches(data) { … }
/// ```
///
/// Known, deliberate differences from the reference: `ISSUBSET`/`ISSUPERSET` also handle IPv6
/// (the reference raises), and `EXISTS`/`NOT EXISTS` follow the specification (the reference
/// ignores `NOT` and fails when `EXISTS` is combined with other comparisons).
public struct PatternMatcher: Sendable {
    /// The pattern this matcher was compiled from.
    public let pattern: Pattern
    private let program: CompiledObservation
    /// How many binding steps one match may take before failing with
    /// ``MatcherError/Kind-swift.enum/searchLimitExceeded``. Ordinary patterns need a few per
    /// observation; nested `REPEATS` over many observations can need exponentially many.
    public var searchLimit = 20_000_000

    /// Compiles a parsed pattern.
    /// - Throws: ``MatcherError`` for patterns the reference also cannot evaluate (an impossible
    ///   timestamp literal, a mixed-type `IN` set, an invalid regular expression,
    ///   `WITHIN 0 SECONDS`, `REPEATS 0 TIMES`).
    public init(_ pattern: Pattern) throws(MatcherError) {
        self.pattern = pattern
        program = try CompiledObservation(pattern.root)
    }

    /// Parses and compiles pattern text.
    /// - Throws: ``PatternSyntaxError`` or ``MatcherError``.
    public init(parsing text: String) throws {
        try self.init(Pattern(parsing: text))
    }

    /// Whether the pattern matches the observations.
    public func matches(_ observations: ObservationSet) throws(MatcherError) -> Bool {
        try !firstMatch(in: observations).isEmpty
    }

    /// The observations (indexes into ``ObservationSet/observations``, ascending) bound by the
    /// first match found, or an empty array when the pattern does not match.
    ///
    /// Like the reference, only first copies of observations are reported, so a match bound
    /// entirely to later copies of `number_observed` reports nothing.
    public func firstMatch(in observations: ObservationSet) throws(MatcherError) -> [Int] {
        if case .simple(let comparison) = program {
            // A lone `[ … ]` binds the first copy of the first selected observation.
            return try comparison.evaluate(observations).order.first.map { [$0] } ?? []
        }
        let counts = observations.observations.map(\.count)
        let budget = SearchBudget(steps: searchLimit)
        let source = try program.source(for: observations, windows: TimeWindows(observations), counts: counts, budget: budget)
        guard let binding = try source.next() else { return [] }
        return Set(binding.filter { $0.copy == 0 }.map(\.observation)).sorted()
    }
}
