/// The conditions under which a regime applies; every given condition must hold.
public struct RegimeApplicability: Sendable, Hashable {
    /// The reporter must hold one of these designations; empty means any reporter.
    public var designations: [String]
    /// The reporter must work in one of these sectors; empty means any sector.
    public var sectors: [String]
    /// The incident must be of one of these categories; empty means any category.
    public var categories: [IncidentCategory]
    /// The least impact the incident must have.
    public var minimumImpact: ImpactThreshold
    /// Regimes that, when they apply, replace this one (Australia's 72-hour "relevant impact" report
    /// is not due when the 12-hour "significant impact" one is).
    public var unlessRegimeApplies: [String]

    /// Creates applicability conditions.
    public init(designations: [String] = [], sectors: [String] = [], categories: [IncidentCategory] = [], minimumImpact: ImpactThreshold = ImpactThreshold(), unlessRegimeApplies: [String] = []) {
        self.designations = designations
        self.sectors = sectors
        self.categories = categories
        self.minimumImpact = minimumImpact
        self.unlessRegimeApplies = unlessRegimeApplies
    }
}

/// A least impact; every given criterion must be met.
public struct ImpactThreshold: Sendable, Hashable {
    /// Some service must be at least this bad (`intermittent` < `degraded` < `down`).
    public var serviceState: ServiceState?
    /// A ransom must have been paid.
    public var ransomPaid: Bool
    /// Some designated critical equipment (Economic Security Promotion Act) must be affected.
    public var criticalEquipmentAffected: Bool
    /// Some designated critical computer (Active Cyber Defense law) must be affected.
    public var criticalComputerAffected: Bool
    /// At least this many users must be affected, summed over services.
    public var usersAffected: Int?

    /// Creates a threshold; with no arguments, any incident meets it.
    public init(serviceState: ServiceState? = nil, ransomPaid: Bool = false, criticalEquipmentAffected: Bool = false, criticalComputerAffected: Bool = false, usersAffected: Int? = nil) {
        self.serviceState = serviceState
        self.ransomPaid = ransomPaid
        self.criticalEquipmentAffected = criticalEquipmentAffected
        self.criticalComputerAffected = criticalComputerAffected
        self.usersAffected = usersAffected
    }

    /// Whether `report` meets every criterion.
    public func isMet(by report: IncidentReport) -> Bool {
        if let state = serviceState, report.worstServiceState < state { return false }
        if ransomPaid && !report.ransomPaid { return false }
        if criticalEquipmentAffected && !report.affectedSystems.contains(where: \.isCriticalEquipment) { return false }
        if criticalComputerAffected && !report.affectedSystems.contains(where: \.isCriticalComputer) { return false }
        if let users = usersAffected, report.serviceImpact.compactMap(\.usersAffected).reduce(0, +) < users { return false }
        return true
    }
}
