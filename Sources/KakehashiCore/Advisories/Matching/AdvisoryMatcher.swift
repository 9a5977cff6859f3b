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
        var best: [String: (hit: Hit, scores: [CVSSScore], remediations: [Remediation])] = [:]
        var excluded = Set<String>()
        for ref in candidates {
            let record = index.records[Int(ref.record)]
            let product = record.affected[Int(ref.product)]
            let key = record.cve ?? (record.advisoryID + "\u{1}" + (record.title ?? ""))
            let hit: Evaluation
            switch verdict(item, itemKeys, product: product, keys: index.keys[Int(ref.record)][Int(ref.product)]) {
            case .unrelated: continue
            case .excluded:
                excluded.insert(key)
                continue
            case .applies(let evaluation): hit = evaluation
            }
            let remediations = record.remediations.filter { remediation in
                remediation.productIDs.isEmpty || product.productID.map(remediation.productIDs.contains) == true
            }
            let candidate = Hit(hit: hit, record: ref.record, product: ref.product)
            if var existing = best[key] {
                for score in record.scores where !existing.scores.contains(score) { existing.scores.append(score) }
                for remediation in remediations where !existing.remediations.contains(remediation) {
                    existing.remediations.append(remediation)
                }
                if candidate.isBetter(than: existing.hit, records: index.records) { existing.hit = candidate }
                best[key] = existing
            } else {
                best[key] = (candidate, record.scores, remediations)
            }
        }
        // An entry without version data (a bare KEV entry) yields to an advisory whose versions rule the item out.
        for key in excluded {
            if let entry = best[key], !entry.hit.hit.versionInformed { best[key] = nil }
        }
        return best.values.map { entry in
            let record = index.records[Int(entry.hit.record)]
            return AdvisoryMatch(
                equipment: item, record: record, product: record.affected[Int(entry.hit.product)],
                status: entry.hit.hit.status, evidence: entry.hit.hit.evidence,
                knownExploited: record.knownExploited ?? record.cve.flatMap { index.knownExploited[$0] },
                remediations: entry.remediations, scores: entry.scores)
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
