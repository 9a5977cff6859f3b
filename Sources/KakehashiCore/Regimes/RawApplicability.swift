struct RawApplicability: Decodable {
    var designations: [String] = []
    var sectors: [String] = []
    var categories: [String] = []
    var minimumImpact: RawImpact?
    var unlessRegimeApplies: [String] = []
    var unknown: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case designations, sectors, categories, minimumImpact, unlessRegimeApplies }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        designations = try c.decodeIfPresent([String].self, forKey: .designations) ?? []
        sectors = try c.decodeIfPresent([String].self, forKey: .sectors) ?? []
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        minimumImpact = try c.decodeIfPresent(RawImpact.self, forKey: .minimumImpact)
        unlessRegimeApplies = try c.decodeIfPresent([String].self, forKey: .unlessRegimeApplies) ?? []
        unknown = regimeUnknownKeys(try regimeKeysPresent(in: decoder), known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    func checked(regime: String) throws -> RegimeApplicability {
        func fail(_ message: String) -> RegimeConfigurationError { RegimeConfigurationError(regime: regime, message: "appliesWhen: " + message) }
        if !unknown.isEmpty { throw fail("unknown key(s) \(unknown.joined(separator: ", "))") }
        let checkedCategories = try categories.map { text in
            guard let category = IncidentCategory(rawValue: text) else {
                throw fail("unknown category '\(text)' (expected one of \(IncidentCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return category
        }
        return RegimeApplicability(
            designations: designations,
            sectors: sectors,
            categories: checkedCategories,
            minimumImpact: try minimumImpact?.checked(fail: fail) ?? ImpactThreshold(),
            unlessRegimeApplies: unlessRegimeApplies
        )
    }
}

struct RawImpact: Decodable {
    var serviceState: String?
    var ransomPaid: Bool?
    var criticalEquipmentAffected: Bool?
    var criticalComputerAffected: Bool?
    var usersAffected: Int?
    var unknown: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case serviceState, ransomPaid, criticalEquipmentAffected, criticalComputerAffected, usersAffected }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        serviceState = try c.decodeIfPresent(String.self, forKey: .serviceState)
        ransomPaid = try c.decodeIfPresent(Bool.self, forKey: .ransomPaid)
        criticalEquipmentAffected = try c.decodeIfPresent(Bool.self, forKey: .criticalEquipmentAffected)
        criticalComputerAffected = try c.decodeIfPresent(Bool.self, forKey: .criticalComputerAffected)
        usersAffected = try c.decodeIfPresent(Int.self, forKey: .usersAffected)
        unknown = regimeUnknownKeys(try regimeKeysPresent(in: decoder), known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    func checked(fail: (String) -> RegimeConfigurationError) throws -> ImpactThreshold {
        if !unknown.isEmpty { throw fail("minimumImpact has unknown key(s) \(unknown.joined(separator: ", "))") }
        var state: ServiceState?
        if let serviceState {
            guard let parsed = ServiceState(rawValue: serviceState) else {
                throw fail("minimumImpact.serviceState '\(serviceState)' is not one of \(ServiceState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            state = parsed
        }
        return ImpactThreshold(serviceState: state, ransomPaid: ransomPaid ?? false, criticalEquipmentAffected: criticalEquipmentAffected ?? false, criticalComputerAffected: criticalComputerAffected ?? false, usersAffected: usersAffected)
    }
}
