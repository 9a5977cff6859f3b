/// The configuration file as written, before its names are checked against the model.
struct RawRegimeCatalog: Decodable {
    var regimes: [RawRegime]
    var roles: [String: [String: String]]
    var unknown: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case regimes, roles }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        regimes = try c.decode([RawRegime].self, forKey: .regimes)
        roles = try c.decodeIfPresent([String: [String: String]].self, forKey: .roles) ?? [:]
        unknown = regimeUnknownKeys(try regimeKeysPresent(in: decoder), known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    func regimesChecked() throws -> [Regime] {
        try regimes.enumerated().map { index, raw in try raw.checked(position: index + 1) }
    }
}

/// A coding key for any name, to find keys the model does not know.
struct RegimeConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// Notes may be written as one string or a list of strings.
struct RawNotes: Decodable {
    var lines: [String]
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) { lines = [one] } else { lines = try container.decode([String].self) }
    }
}

/// Reads the keys present in an object so unknown ones can be reported.
func regimeKeysPresent(in decoder: any Decoder) throws -> [String] {
    try decoder.container(keyedBy: RegimeConfigKey.self).allKeys.map(\.stringValue)
}

func regimeUnknownKeys(_ present: [String], known: Set<String>) -> [String] {
    present.filter { !known.contains($0) }.sorted()
}

struct RawRegime: Decodable {
    var id: String?
    var name: BilingualText?
    var authorities: [String]?
    var timeZone: String?
    var appliesWhen: RawApplicability?
    var stages: [RawStage]?
    var notes: RawNotes?
    var unknown: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, authorities, timeZone, appliesWhen, stages, notes }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        name = try c.decodeIfPresent(BilingualText.self, forKey: .name)
        authorities = try c.decodeIfPresent([String].self, forKey: .authorities)
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
        appliesWhen = try c.decodeIfPresent(RawApplicability.self, forKey: .appliesWhen)
        stages = try c.decodeIfPresent([RawStage].self, forKey: .stages)
        notes = try c.decodeIfPresent(RawNotes.self, forKey: .notes)
        unknown = regimeUnknownKeys(try regimeKeysPresent(in: decoder), known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    func checked(position: Int) throws -> Regime {
        guard let id, !id.isReportBlank else {
            throw RegimeConfigurationError(regime: "#\(position)", message: "has no id")
        }
        func fail(_ message: String) -> RegimeConfigurationError { RegimeConfigurationError(regime: id, message: message) }
        if !unknown.isEmpty { throw fail("unknown key(s) \(unknown.joined(separator: ", "))") }
        guard let name else { throw fail("has no name (give ja and en)") }
        guard let authorities else { throw fail("has no authorities") }
        guard let stages, !stages.isEmpty else { throw fail("has no stages") }
        let applicability = try (appliesWhen ?? RawApplicability()).checked(regime: id)
        let checkedStages = try stages.enumerated().map { index, stage in try stage.checked(regime: id, position: index + 1) }
        return Regime(id: id, name: name, authorities: authorities, timeZone: timeZone ?? "UTC", appliesWhen: applicability, stages: checkedStages, notes: notes?.lines ?? [])
    }
}
