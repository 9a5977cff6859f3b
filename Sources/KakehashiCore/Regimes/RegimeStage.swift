/// One report a regime requires, and its clock.
public struct RegimeStage: Sendable, Hashable, Identifiable {
    /// A stable id within the regime, e.g. `early-warning`.
    public let id: String
    /// The stage's name in Japanese and English.
    public let name: BilingualText
    /// The kinds of submission that fulfil it (a delivery naming the stage explicitly fulfils it too).
    public let submissionKinds: [SubmissionKind]
    /// The event its clock starts from.
    public let anchor: StageAnchor
    /// For ``StageAnchor/previousStageSubmitted``: the stage whose delivery starts the clock
    /// (the stage listed before this one unless configured).
    public let anchorStage: String?
    /// How long after the anchor it is due. For a stage pending ordinance, the placeholder period.
    public let period: StagePeriod
    /// Whether the period is not yet fixed by law (it awaits an ordinance) and ``period`` is a placeholder.
    public let pendingOrdinance: Bool
    /// A condition under which only the stage is required.
    public let condition: StageCondition?
    /// The report fields a submission for this stage must give.
    public let requiredFields: [ReportField]
    /// Sources and caveats.
    public let notes: [String]

    /// Creates a stage (normally decoded from configuration).
    public init(id: String, name: BilingualText, submissionKinds: [SubmissionKind], anchor: StageAnchor, anchorStage: String? = nil, period: StagePeriod, pendingOrdinance: Bool = false, condition: StageCondition? = nil, requiredFields: [ReportField] = [], notes: [String] = []) {
        self.id = id
        self.name = name
        self.submissionKinds = submissionKinds
        self.anchor = anchor
        self.anchorStage = anchorStage
        self.period = period
        self.pendingOrdinance = pendingOrdinance
        self.condition = condition
        self.requiredFields = requiredFields
        self.notes = notes
    }
}

/// The event a stage's clock starts from.
public enum StageAnchor: String, Sendable, Hashable, CaseIterable {
    /// When the organisation became aware of the incident (`times.becameAware`, else `times.detected`).
    case becameAware = "became-aware"
    /// When the incident was detected.
    case detected
    /// When a ransom was paid (`ransom.paidAt`).
    case ransomPaid = "ransom-paid"
    /// When the previous (or named) stage was first delivered to the regime's authority.
    case previousStageSubmitted = "previous-stage-submitted"
}

/// A period: exact elapsed hours, or calendar months counted in the regime's time zone.
public enum StagePeriod: Sendable, Hashable {
    /// Exact elapsed hours; daylight-saving changes do not lengthen or shorten them.
    case hours(Int)
    /// Calendar months in the regime's time zone, clamped to the month's end (Jan 31 + 1 = Feb 28/29).
    case calendarMonths(Int)
}

/// A condition that makes a stage required only in some cases.
public enum StageCondition: String, Sendable, Hashable, CaseIterable {
    /// Only when the anchor stage was delivered orally (a written record must follow).
    case previousStageOral = "previous-stage-oral"
}
