/// The content of one submission of an incident report: one form that every authority's needs are read from.
public struct IncidentReport: Sendable, Codable, Hashable {
    /// Who reports.
    public var reporter: Reporter
    /// Whom the authorities can reach; one should be available 24×7.
    public var contacts: [IncidentContact]
    /// When things happened.
    public var times: IncidentTimes
    /// What kind of incident this is.
    public var category: IncidentCategory
    /// MITRE ATT&CK techniques observed.
    public var attackTechniques: [AttackTechniqueID]
    /// What happened, in free text.
    public var narrative: IncidentNarrative
    /// Services affected.
    public var serviceImpact: [ServiceImpact]
    /// Systems affected.
    public var affectedSystems: [AffectedSystem]
    /// How the attacker is believed to have got in.
    public var entryVector: EntryVector?
    /// CVEs believed exploited.
    public var exploitedCVEs: [CVEID]
    /// Observables.
    public var indicators: [IncidentIndicator]
    /// Ransom demanded or paid, for ransomware and extortion.
    public var ransom: RansomDetails?
    /// The shape of a DDoS attack.
    public var ddos: DDoSDetails?
    /// What the organisation has done so far, one action a line.
    public var actionsTaken: [String]
    /// Where the incident stands.
    public var status: IncidentStatus
    /// Others already told, e.g. `police`, `jp-ppc`, or authority ids.
    public var alreadyNotified: [String]
    /// What may be shared, with whom, under which label.
    public var sharing: SharingWishes

    /// Creates a report; everything but the reporter, the times and the category may be left empty.
    public init(
        reporter: Reporter,
        contacts: [IncidentContact] = [],
        times: IncidentTimes,
        category: IncidentCategory,
        attackTechniques: [AttackTechniqueID] = [],
        narrative: IncidentNarrative = IncidentNarrative(),
        serviceImpact: [ServiceImpact] = [],
        affectedSystems: [AffectedSystem] = [],
        entryVector: EntryVector? = nil,
        exploitedCVEs: [CVEID] = [],
        indicators: [IncidentIndicator] = [],
        ransom: RansomDetails? = nil,
        ddos: DDoSDetails? = nil,
        actionsTaken: [String] = [],
        status: IncidentStatus = .ongoing,
        alreadyNotified: [String] = [],
        sharing: SharingWishes = SharingWishes()
    ) {
        self.reporter = reporter
        self.contacts = contacts
        self.times = times
        self.category = category
        self.attackTechniques = attackTechniques
        self.narrative = narrative
        self.serviceImpact = serviceImpact
        self.affectedSystems = affectedSystems
        self.entryVector = entryVector
        self.exploitedCVEs = exploitedCVEs
        self.indicators = indicators
        self.ransom = ransom
        self.ddos = ddos
        self.actionsTaken = actionsTaken
        self.status = status
        self.alreadyNotified = alreadyNotified
        self.sharing = sharing
    }

    /// The worst state of any affected service, `normal` when none is listed.
    public var worstServiceState: ServiceState {
        serviceImpact.map(\.state).max() ?? .normal
    }

    /// Whether a ransom has been paid.
    public var ransomPaid: Bool { ransom?.paid == true }
}
