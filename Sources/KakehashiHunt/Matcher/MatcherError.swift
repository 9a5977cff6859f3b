/// Why a pattern could not be compiled for matching, or why matching failed on the given data.
///
/// These are the situations in which the reference matcher (`stix2matcher`) raises, e.g. a
/// timestamp literal for a date that does not exist, a set mixing strings and numbers, a
/// malformed CIDR operand, or observed-data lacking `first_observed`.
public struct MatcherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Broad category, stable for programmatic checks.
    public enum Kind: String, Sendable, Hashable {
        /// The pattern is grammatical but cannot be evaluated (bad literal, regex, qualifier).
        case invalidPattern
        /// The observed data is malformed (missing keys, bad timestamp, bad reference).
        case invalidObservation
        /// The search for a binding took more steps than ``PatternMatcher/searchLimit`` allows
        /// (nested `REPEATS` can make the search exponential).
        case searchLimitExceeded
    }

    /// The category.
    public var kind: Kind
    /// A message saying what was wrong and where.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
