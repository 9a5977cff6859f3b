extension RegimeCatalog {
    /// The authority ids that must receive `regime`'s reports from `reporter`: named authorities as they
    /// are, roles (e.g. `sector-ministry`) resolved by the reporter's sectors through ``roles``.
    ///
    /// A role that no sector (nor `*`) resolves is returned as the role itself, so the server can show
    /// that a recipient is unassigned rather than drop it silently.
    public func recipients(of regime: Regime, for reporter: Reporter) -> [String] {
        var result: [String] = []
        func add(_ id: String) { if !result.contains(id) { result.append(id) } }
        for authority in regime.authorities {
            guard let bySector = roles[authority] else {
                add(authority)
                continue
            }
            let resolved = reporter.sectors.compactMap { bySector[$0] }
            if resolved.isEmpty {
                add(bySector["*"] ?? authority)
            } else {
                resolved.forEach(add)
            }
        }
        return result
    }
}
