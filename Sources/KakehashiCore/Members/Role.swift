/// What a user may do inside their organisation.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads what the organisation may read.
    case viewer
    /// Files and updates incident reports.
    case reporter
    /// Shares and curates indicators, and files reports.
    case analyst
    /// Manages the organisation's users and tokens, and everything an analyst does.
    case admin

    private var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Whether this role may file incident reports.
    public var canReport: Bool { self != .viewer }
    /// Whether this role may publish or change shared threat information.
    public var canShare: Bool { self >= .analyst }
}
