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
    public func applicableRegimes(to report: IncidentReport) -> [Regime] {
        let holding = regimes.filter { $0.conditionsHold(for: report) }
        let holdingIDs = Set(holding.map(\.id))
        return holding.filter { Set($0.appliesWhen.unlessRegimeApplies).isDisjoint(with: holdingIDs) }
    }
}
