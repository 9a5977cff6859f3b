/// Where one submission must go: a regime, the stages it fulfils there, and the authority ids to send it to.
public struct SubmissionRoute: Sendable, Hashable {
    /// The regime.
    public let regime: Regime
    /// The stages of the regime this submission fulfils.
    public let stages: [RegimeStage]
    /// The authority ids that receive it (roles resolved by the reporter's sector).
    public let recipients: [String]

    /// The routes of a submission of `kind` with `report`: one per regime, in configuration order.
    /// Drafts go nowhere.
    public static func routes(for report: IncidentReport, kind: SubmissionKind, incident: Incident? = nil, regimes: RegimeCatalog) -> [SubmissionRoute] {
        var routes: [SubmissionRoute] = []
        for (regime, stage) in SubmissionValidator.stagesToSatisfy(report: report, kind: kind, incident: incident, regimes: regimes) {
            if let index = routes.firstIndex(where: { $0.regime.id == regime.id }) {
                routes[index] = SubmissionRoute(regime: regime, stages: routes[index].stages + [stage], recipients: routes[index].recipients)
            } else {
                routes.append(SubmissionRoute(regime: regime, stages: [stage], recipients: regimes.recipients(of: regime, for: report.reporter)))
            }
        }
        return routes
    }
}
