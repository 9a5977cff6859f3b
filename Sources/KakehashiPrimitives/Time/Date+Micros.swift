import Foundation

extension Date {
    /// Microseconds since 1970-01-01T00:00:00Z: how the hub stores instants, exact and sortable on every database.
    public var micros: Int64 { Int64((timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The instant `micros` microseconds after 1970-01-01T00:00:00Z.
    public init(micros: Int64) {
        self.init(timeIntervalSince1970: Double(micros) / 1_000_000)
    }
}
