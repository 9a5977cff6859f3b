/// The qualitative severity rating shared by CVSS 3.x and 4.0.
public enum CVSSSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case none = "NONE"
    case low = "LOW"
    case medium = "MEDIUM"
    case high = "HIGH"
    case critical = "CRITICAL"

    /// The rating for a score in 0.0...10.0 (0.0 none, 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0 critical).
    public init(score: Double) {
        switch score {
        case ..<0.1: self = .none
        case ..<4.0: self = .low
        case ..<7.0: self = .medium
        case ..<9.0: self = .high
        default: self = .critical
        }
    }

    private var rank: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: CVSSSeverity, rhs: CVSSSeverity) -> Bool { lhs.rank < rhs.rank }
}
