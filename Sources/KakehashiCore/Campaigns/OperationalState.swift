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

    /// 0 for normal up to 3 for disrupted: worse states rank higher.
    public var rank: Int {
        switch self {
        case .normal: 0
        case .monitoring: 1
        case .degraded: 2
        case .disrupted: 3
        }
    }

    /// Worse states sort later.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}
