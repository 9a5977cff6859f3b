/// Matches registered equipment against indexed vulnerability records.
///
/// An item and an advisory entry meet when a CPE of the entry matches the item's CPE (NISTIR 7696,
/// version attribute aside), a model number / SKU (pattern) matches, or normalised vendor and product
/// names agree. The entry's version data then decide: affected, unknown (no version registered, or the
/// advisory leaves it open), or no match. Findings for the same CVE from several advisories are merged,
/// and flagged known-exploited when the KEV catalog lists the CVE.
///
/// ```swift
/// let index = AdvisoryIndex(advisories: [csaf, cveRecord, kev])
/// let findings = AdvisoryMatcher.match(registry, index: index)  // ranked
/// ```
public enum AdvisoryMatcher {
    /// All findings for `items`, ranked: known exploited first, then affected before unknown, then by
    /// severity, then designated-critical items first.
    public static func match(_ items: [Equipment], index: AdvisoryIndex) -> [AdvisoryMatch] {
        var findings: [AdvisoryMatch] = []
        for item in items { findings += match(item, index: index) }
        return rank(findings)
    }

    /// The findings for one item, unranked, one per vulnerability.
    public static func match(_ item: Equipment, index: AdvisoryIndex) -> [AdvisoryMatch] {
        let itemKeys = ItemKeys(item)
        let candidates = index.candidates(for: itemKeys)
        guard !candidates.isEmpty else { return [] }
        // Few findings per item: a small array beats a dictionary here.
        var merged: [(key: String, hit: Hit, scores: [CVSSScore], remediations: [Remediation])] = []
        var excluded: [String] = []
        for ref in candidates {
            let entry = index.entries[Int(ref.entry)]
            let hit: Evaluation
            switch verdict(item, itemKeys, product: entry.product, keys: entry.keys) {
            case .unrelated: continue
            case .excluded:
                excluded.append(entry.mergeKey)
                continue
            case .applies(let evaluation): hit = evaluation
            }
            let candidate = Hit(hit: hit, entry: entry)
            if let position = merged.firstIndex(where: { $0.key == entry.mergeKey }) {
                for score in entry.scores where !merged[position].scores.contains(score) { merged[position].scores.append(score) }
                for remediation in entry.remediations where !merged[position].remediations.contains(remediation) {
                    merged[position].remediations.append(remediation)
                }
                if candidate.isBetter(than: merged[position].hit) { merged[position].hit = candidate }
            } else {
                merged.append((entry.mergeKey, candidate, entry.scores, entry.remediations))
            }
        }
        // An entry without version data (a bare KEV entry) yields to an advisory whose versions rule the item out.
        if !excluded.isEmpty {
            merged.removeAll { excluded.contains($0.key) && !$0.hit.hit.versionInformed }
        }
        return merged.map { finding in
            let record = index.records[Int(finding.hit.entry.record)]
            return AdvisoryMatch(
                equipment: item, record: record, product: finding.hit.entry.product,
                status: finding.hit.hit.status, evidence: finding.hit.hit.evidence,
                knownExploited: record.knownExploited ?? record.cve.flatMap { index.knownExploited[$0] },
                remediations: finding.remediations, scores: finding.scores)
        }
    }

    /// Sorts findings: known exploited, affected before unknown, severity, critical items, then ids.
    public static func rank(_ findings: [AdvisoryMatch]) -> [AdvisoryMatch] {
        // Sort small keys rather than the findings themselves, which are large values.
        struct Key {
            let index: Int
            let exploited: Bool
            let affected: Bool
            let score: Double
            let critical: Bool
        }
        var keys = findings.enumerated().map { index, finding in
            Key(index: index, exploited: finding.knownExploited != nil, affected: finding.status == .affected,
                score: finding.severityScore,
                critical: finding.equipment.designatedCriticalEquipment || finding.equipment.criticalComputer)
        }
        keys.sort { a, b in
            if a.exploited != b.exploited { return a.exploited }
            if a.affected != b.affected { return a.affected }
            if a.score != b.score { return a.score > b.score }
            if a.critical != b.critical { return a.critical }
            let left = findings[a.index], right = findings[b.index]
            if left.equipment.id != right.equipment.id { return left.equipment.id < right.equipment.id }
            return left.vulnerabilityID < right.vulnerabilityID
        }
        return keys.map { findings[$0.index] }
    }
}
