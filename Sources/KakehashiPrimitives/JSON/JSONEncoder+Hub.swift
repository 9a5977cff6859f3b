import Foundation

extension JSONEncoder {
    /// The hub's JSON encoder: keys sorted (so equal values give equal bytes) and, by default, `/`
    /// written as it is and instants as ISO 8601 UTC (`2026-03-29T01:30:00Z`), as the REST API answers.
    ///
    /// - Parameters:
    ///   - dates: how `Date`s are written (incident reports pass their own millisecond form).
    ///   - escapingSlashes: write `/` as `\/` (Foundation's default). Only for JSON already stored in
    ///     text columns and compared by text, so rows written before stay byte-identical.
    public static func hub(dates: DateEncodingStrategy = .iso8601, escapingSlashes: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = dates
        return encoder
    }
}
