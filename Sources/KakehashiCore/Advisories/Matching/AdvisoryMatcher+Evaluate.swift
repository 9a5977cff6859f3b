extension AdvisoryMatcher {
    struct Evaluation {
        let status: AffectedStatus
        let evidence: AdvisoryMatch.Evidence
        /// False when the entry carries no version data at all (a KEV catalog entry, for example).
        var versionInformed = true
    }

    /// What an advisory entry says about an item.
    enum Verdict {
        /// The entry does not concern the item.
        case unrelated
        /// The entry concerns the item's product, but its version data rule the item out.
        case excluded
        /// The entry applies.
        case applies(Evaluation)
    }

    struct Hit {
        let hit: Evaluation
        let entry: AdvisoryIndex.Entry

        func isBetter(than other: Hit) -> Bool {
            if hit.status != other.hit.status { return hit.status == .affected }
            if hit.evidence != other.hit.evidence { return hit.evidence < other.hit.evidence }
            // Prefer a vendor's or CNA's record over the KEV catalog's bare entry.
            return !entry.isCatalogEntry && other.entry.isCatalogEntry
        }
    }

    /// Whether `product` concerns `item`, and with which status and evidence.
    static func verdict(_ item: Equipment, _ itemKeys: ItemKeys, product: AffectedProduct, keys: AdvisoryIndex.ProductKeys) -> Verdict {
        guard let evidence = evidence(item, itemKeys, product: product, keys: keys) else { return .unrelated }
        guard let evaluation = versionStatus(itemKeys.version, evidence: evidence, item: item, product: product) else {
            return .excluded
        }
        return .applies(evaluation)
    }

    /// How the entry names the item's product, whatever the version; nil when it does not.
    static func evidence(
        _ item: Equipment, _ itemKeys: ItemKeys, product: AffectedProduct, keys: AdvisoryIndex.ProductKeys
    ) -> AdvisoryMatch.Evidence? {
        if let itemCPE = item.cpe, product.cpes.contains(where: { cpeMatchesIgnoringVersion(source: $0, target: itemCPE) }) {
            return .cpe
        }
        if !itemKeys.models.isEmpty, keys.models.contains(where: { pattern in
            itemKeys.models.contains { NameNormalizer.modelMatches(pattern: pattern, model: $0) }
        }) {
            return .modelNumber
        }
        if !keys.vendor.isEmpty, !keys.product.isEmpty,
           itemKeys.pairs.contains(where: { $0.vendor == keys.vendor && $0.product == keys.product }) {
            return .vendorProduct
        }
        return nil
    }

    /// The status the entry's version data give the item's version; nil when they rule it out.
    static func versionStatus(_ version: Version?, evidence: AdvisoryMatch.Evidence, item: Equipment, product: AffectedProduct) -> Evaluation? {
        // Versions named by the matching CPEs; nil when some matching CPE says ANY version.
        var cpeVersions: [CPEValue]? = []
        if evidence == .cpe, let itemCPE = item.cpe {
            for cpe in product.cpes where cpeMatchesIgnoringVersion(source: cpe, target: itemCPE) {
                if cpe.version == .any { cpeVersions = nil } else { cpeVersions?.append(cpe.version) }
            }
        }
        if evidence == .cpe, let cpeVersions, !cpeVersions.isEmpty, product.versions.isEmpty, product.versRanges.isEmpty {
            // The advisory names versions only through its CPEs.
            guard let version else { return Evaluation(status: .unknown, evidence: evidence) }
            let target = CPEValue.literal(version.text)
            let matched = cpeVersions.contains { cpeVersion in
                let relation = CPEMatcher.compare(source: cpeVersion, target: target)
                return relation == .superset || relation == .equal
            }
            return matched ? Evaluation(status: .affected, evidence: evidence) : nil
        }
        let informed = !product.versions.isEmpty || !product.versRanges.isEmpty || product.defaultStatus != .unknown
        return product.status(of: version).map { Evaluation(status: $0, evidence: evidence, versionInformed: informed) }
    }

    static func cpeMatchesIgnoringVersion(source: CPEName, target: CPEName) -> Bool {
        for index in 0..<11 where index != 3 {
            let relation = CPEMatcher.compare(source: source.values[index], target: target.values[index])
            if relation != .superset && relation != .equal { return false }
        }
        return true
    }
}
