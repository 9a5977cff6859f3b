import Foundation

/// How the federation service exchanges with peers. `HubConfiguration.federation` holds one; `nil` there
/// switches the service off (the tests that drive exchanges themselves).
public struct FederationSettings: Sendable {
    /// How often the declared peers are read again (new, removed, paused, changed).
    public var reloadInterval: Duration
    /// Objects asked for per TAXII page (`limit`).
    public var pullPageSize: Int
    /// Objects per pushed TAXII envelope.
    public var pushPageSize: Int
    /// Versions per page of a Kakehashi exchange, both ways (at most 5000).
    public var exchangePageSize: Int
    /// How far before the last date added a TAXII pull asks again, so versions a peer commits late with an
    /// earlier date added, or that share the last timestamp, are never skipped; repeats are no-ops.
    public var pullOverlap: Duration
    /// The first wait after a failed exchange; it doubles with each failure in a row, up to ``maximumBackoff``.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// How long a pushed envelope's TAXII status may stay pending before the push is tried again.
    public var statusDeadline: Duration
    /// The timeout of each call to a peer.
    public var requestTimeout: Duration
    /// The most a peer's answer may weigh.
    public var maximumResponseBytes: Int

    public init(reloadInterval: Duration = .seconds(3), pullPageSize: Int = 1000, pushPageSize: Int = 500, exchangePageSize: Int = 1000,
                pullOverlap: Duration = .seconds(1), initialBackoff: Duration = .seconds(1), maximumBackoff: Duration = .seconds(300),
                statusDeadline: Duration = .seconds(60), requestTimeout: Duration = .seconds(30), maximumResponseBytes: Int = 64 * 1024 * 1024) {
        self.reloadInterval = reloadInterval
        self.pullPageSize = pullPageSize
        self.pushPageSize = pushPageSize
        self.exchangePageSize = min(exchangePageSize, 5000)
        self.pullOverlap = pullOverlap
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.statusDeadline = statusDeadline
        self.requestTimeout = requestTimeout
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// The wait after `failures` failed exchanges in a row: doubling from ``initialBackoff``, capped.
    public func backoff(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var delay = initialBackoff
        for _ in 1..<min(failures, 40) {
            delay *= 2
            if delay >= maximumBackoff { return maximumBackoff }
        }
        return min(delay, maximumBackoff)
    }
}
