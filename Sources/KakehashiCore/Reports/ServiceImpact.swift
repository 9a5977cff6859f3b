/// The state a service is in because of the incident.
public enum ServiceState: String, Sendable, Codable, CaseIterable, Comparable {
    case normal
    case intermittent
    case degraded
    case down

    private var severity: Int {
        switch self {
        case .normal: 0
        case .intermittent: 1
        case .degraded: 2
        case .down: 3
        }
    }

    public static func < (lhs: ServiceState, rhs: ServiceState) -> Bool { lhs.severity < rhs.severity }
}

/// How one service that the organisation provides was affected.
public struct ServiceImpact: Sendable, Codable, Hashable {
    /// The service's name, e.g. `Shinkansen seat reservation` (identifying; withheld when anonymised).
    public var service: String
    /// Its state.
    public var state: ServiceState
    /// How many users were affected, if known.
    public var usersAffected: Int?
    /// The area affected, e.g. a line, airport or prefecture (identifying; withheld when anonymised).
    public var area: String?
    /// How long the impact lasted or has lasted, in minutes.
    public var durationMinutes: Int?

    /// Creates a service impact.
    public init(service: String, state: ServiceState, usersAffected: Int? = nil, area: String? = nil, durationMinutes: Int? = nil) {
        self.service = service
        self.state = state
        self.usersAffected = usersAffected
        self.area = area
        self.durationMinutes = durationMinutes
    }
}
