/// Checks a submission against what its applicable regimes' stages require.
public enum SubmissionValidator {
    /// The stages a submission of `kind` with `report` must satisfy: stages of the regimes that apply to
    /// `report` (or that `incident` was already reported to) which this kind fulfils, except a ransom-payment stage when no ransom is paid and a
    /// conditional stage whose condition does not hold for `incident`.
    public static func stagesToSatisfy(report: IncidentReport, kind: SubmissionKind, incident: Incident? = nil, regimes: RegimeCatalog) -> [(regime: Regime, stage: RegimeStage)] {
        guard kind != .draft else { return [] }
        let reported = Set(incident?.deliveries.map(\.regimeID) ?? [])
        return regimes.applicableRegimes(to: report, alreadyReportedTo: reported).flatMap { regime in
            regime.stages.compactMap { stage -> (regime: Regime, stage: RegimeStage)? in
                guard stage.submissionKinds.contains(kind) else { return nil }
                if stage.anchor == .ransomPaid && !report.ransomPaid { return nil }
                if let condition = stage.condition {
                    guard let incident, condition == .previousStageOral,
                          let previous = stage.resolvedAnchorStage(in: regime).flatMap(regime.stage),
                          DeadlineCalculator.firstFulfilment(of: previous, in: regime, incident: incident)?.channel == .oral
                    else { return nil }
                }
                return (regime, stage)
            }
        }
    }

    /// Refuses a submission that misses a field its stages require, naming every missing field.
    /// A draft is never refused.
    ///
    /// - Parameters:
    ///   - report: what is to be submitted.
    ///   - kind: the kind of submission.
    ///   - incident: the incident it will be added to, if it exists already (for conditional stages).
    ///   - regimes: the regime catalogue.
    /// - Throws: ``SubmissionRefusal`` listing each missing field with the stages that want it.
    public static func validate(_ report: IncidentReport, kind: SubmissionKind, incident: Incident? = nil, regimes: RegimeCatalog) throws(SubmissionRefusal) {
        var missing: [MissingField] = []
        for (regime, stage) in stagesToSatisfy(report: report, kind: kind, incident: incident, regimes: regimes) {
            for field in stage.requiredFields where !field.isSatisfied(by: report) {
                let requirement = StageReference(regimeID: regime.id, regimeName: regime.name, stageID: stage.id, stageName: stage.name)
                if let index = missing.firstIndex(where: { $0.field == field }) {
                    missing[index].requiredBy.append(requirement)
                } else {
                    missing.append(MissingField(field: field, requiredBy: [requirement]))
                }
            }
        }
        if !missing.isEmpty { throw SubmissionRefusal(kind: kind, missing: missing) }
    }
}

/// A regime's stage, named for people.
public struct StageReference: Sendable, Codable, Hashable {
    /// The regime's id.
    public var regimeID: String
    /// The regime's name.
    public var regimeName: BilingualText
    /// The stage's id.
    public var stageID: String
    /// The stage's name.
    public var stageName: BilingualText
}

/// A required field that a submission does not give, and the stages that require it.
public struct MissingField: Sendable, Codable, Hashable {
    /// The field.
    public var field: ReportField
    /// The stages that require it.
    public var requiredBy: [StageReference]
}
