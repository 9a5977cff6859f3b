/// A legal reporting regime: who must report what, to whom, and by when.
///
/// Regimes are data (`config/regimes.json`), decoded by ``RegimeCatalog/decode(from:)``, so an
/// administrator can follow a new ordinance without a release.
public struct Regime: Sendable, Hashable, Identifiable {
    /// A stable id, e.g. `eu-nis2`.
    public let id: String
    /// The regime's name in Japanese and English.
    public let name: BilingualText
    /// The authorities that receive reports: roles such as `sector-ministry` or `national-center`,
    /// or named authority ids such as `jp-nisc`, `us-cisa`; the server maps them to recipient organisations.
    public let authorities: [String]
    /// The IANA time zone that calendar periods are counted in, e.g. `Europe/Brussels`.
    public let timeZone: String
    /// When the regime applies to an incident.
    public let appliesWhen: RegimeApplicability
    /// The reports it requires, in order.
    public let stages: [RegimeStage]
    /// Sources and caveats, for people reading the configuration.
    public let notes: [String]

    /// Creates a regime (normally decoded from configuration).
    public init(id: String, name: BilingualText, authorities: [String], timeZone: String, appliesWhen: RegimeApplicability, stages: [RegimeStage], notes: [String] = []) {
        self.id = id
        self.name = name
        self.authorities = authorities
        self.timeZone = timeZone
        self.appliesWhen = appliesWhen
        self.stages = stages
        self.notes = notes
    }

    /// The stage with `id`, if any.
    public func stage(_ id: String) -> RegimeStage? { stages.first { $0.id == id } }
}
