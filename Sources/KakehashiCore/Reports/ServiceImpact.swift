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

/// A system hit by the incident.
public struct AffectedSystem: Sendable, Codable, Hashable {
    /// The system's or site's name (identifying; withheld when anonymised).
    public var name: String
    /// What kind of system it is, e.g. `ot-signalling`, `it-reservation`, `scada`.
    public var kind: String?
    /// Whether it is designated critical equipment (特定重要設備) under the Economic Security Promotion Act.
    public var isCriticalEquipment: Bool
    /// Whether it is a designated critical computer (特定重要電子計算機) under the Active Cyber Defense law.
    public var isCriticalComputer: Bool

    /// Creates an affected system.
    public init(name: String, kind: String? = nil, isCriticalEquipment: Bool = false, isCriticalComputer: Bool = false) {
        self.name = name
        self.kind = kind
        self.isCriticalEquipment = isCriticalEquipment
        self.isCriticalComputer = isCriticalComputer
    }

    enum CodingKeys: String, CodingKey { case name, kind, isCriticalEquipment, isCriticalComputer }

    /// Decodes a system; the two flags default to `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        isCriticalEquipment = try c.decodeIfPresent(Bool.self, forKey: .isCriticalEquipment) ?? false
        isCriticalComputer = try c.decodeIfPresent(Bool.self, forKey: .isCriticalComputer) ?? false
    }
}
