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
