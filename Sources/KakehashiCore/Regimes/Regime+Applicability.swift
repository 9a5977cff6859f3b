extension Regime {
    /// Whether the regime's own conditions hold for `report` (ignoring ``RegimeApplicability/unlessRegimeApplies``).
    public func conditionsHold(for report: IncidentReport) -> Bool {
        let rule = appliesWhen
        if !rule.designations.isEmpty && Set(rule.designations).isDisjoint(with: report.reporter.designations) { return false }
        if !rule.sectors.isEmpty && Set(rule.sectors).isDisjoint(with: report.reporter.sectors) { return false }
        if !rule.categories.isEmpty && !rule.categories.contains(report.category) { return false }
        return rule.minimumImpact.isMet(by: report)
    }
}

extension RegimeCatalog {
    /// The regimes that apply to `report`, in configuration order.
    ///
    /// A regime whose conditions hold is left out when another regime it names in
    /// `unlessRegimeApplies` also holds (e.g. the 72-hour SOCI report when the 12-hour one is due).
    /// Regimes in `alreadyReportedTo` stay applicable whatever the report now says: once an authority
    /// has been told, its later stages remain owed.
    public func applicableRegimes(to report: IncidentReport, alreadyReportedTo: Set<String> = []) -> [Regime] {
        let holding = regimes.filter { alreadyReportedTo.contains($0.id) || $0.conditionsHold(for: report) }
        let holdingIDs = Set(holding.map(\.id))
        return holding.filter { regime in
            alreadyReportedTo.contains(regime.id) || Set(regime.appliesWhen.unlessRegimeApplies).isDisjoint(with: holdingIDs)
        }
    }

    /// The regimes that apply to an incident: those that apply to its latest report, and those its
    /// submissions were already delivered to.
    public func applicableRegimes(to incident: Incident) -> [Regime] {
        guard let report = incident.latestReport else { return [] }
        return applicableRegimes(to: report, alreadyReportedTo: Set(incident.deliveries.map(\.regimeID)))
    }
}
