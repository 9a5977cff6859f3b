import Foundation

/// When to try a failed webhook call again: exponential backoff, then give up.
public struct RetryPolicy: Sendable {
    /// The wait after the first failure; doubled after each further failure.
    public var initialDelay: TimeInterval
    /// The longest wait between attempts.
    public var maximumDelay: TimeInterval
    /// How many attempts in all before giving up.
    public var maximumAttempts: Int

    /// 30 s, 1 min, 2 min … capped at 1 h, eight attempts (about four hours in all).
    public static let standard = RetryPolicy(initialDelay: 30, maximumDelay: 3600, maximumAttempts: 8)

    public init(initialDelay: TimeInterval, maximumDelay: TimeInterval, maximumAttempts: Int) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// When to retry after the `attempt`-th attempt (1-based) failed at `now`; `nil` when it was the last.
    public func retryTime(afterAttempt attempt: Int, now: Date) -> Date? {
        guard attempt < maximumAttempts else { return nil }
        let exponent = min(attempt - 1, 30)
        return now.addingTimeInterval(min(maximumDelay, initialDelay * pow(2, Double(exponent))))
    }
}
