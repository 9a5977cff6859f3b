/// Confirms index candidates with full STIX pattern semantics. The pattern matcher of this module
/// (`Matcher/`) is plugged in through this protocol, so the engine can be tested on its own.
public protocol HuntMatcher: Sendable {
    /// Whether `pattern` matches the observations (oldest first), each being one observed-data.
    func matches(_ pattern: Pattern, observations: [EventObservation]) -> Bool
}
