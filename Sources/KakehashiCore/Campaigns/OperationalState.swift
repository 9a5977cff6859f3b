/// How an operator's service stands during a campaign, as it reports on the sector status board.
public enum OperationalState: String, Sendable, Codable, CaseIterable, Comparable {
    /// Running normally.
    case normal
    /// Running, under heightened watch (suspicious activity seen or expected).
    case monitoring
    /// Running with reduced service.
    case degraded
    /// Service stopped.
    case disrupted

    /// Worse states sort later.
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
