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
        let record: Int32
        let product: Int32

        func isBetter(than other: Hit, records: [VulnerabilityRecord]) -> Bool {
            if hit.status != other.hit.status { return hit.status == .affected }
            if hit.evidence != other.hit.evidence { return hit.evidence < other.hit.evidence }
            // Prefer a vendor's or CNA's record over the KEV catalog's bare entry.
            let mine = records[Int(record)].knownExploited == nil
            let theirs = records[Int(other.record)].knownExploited == nil
            return mine && !theirs
        }
    }

    /// The item's version: the registered one, else the version in its CPE.
    static func itemVersion(_ item: Equipment) -> Version? {
        if let version = item.version, !version.isEmpty { return Version(version) }
        if let cpe = item.cpe, case .string(let version) = cpe.version, !version.hasWildcards { return Version(version.text) }
        return nil
    }

    /// Whether `product` concerns `item`, and with which status and evidence.
    static func verdict(_ item: Equipment, version: Version?, product: AffectedProduct) -> Verdict {
        guard let evaluation = evaluate(item, version: version, product: product) else {
            return identifies(item, product) ? .excluded : .unrelated
        }
        return .applies(evaluation)
    }

    /// True when the entry names the item's product by any kind of evidence, whatever the version.
    static func identifies(_ item: Equipment, _ product: AffectedProduct) -> Bool {
        evaluate(item, version: nil, product: product) != nil
    }

    static func evaluate(_ item: Equipment, version: Version?, product: AffectedProduct) -> Evaluation? {
        var evidence: AdvisoryMatch.Evidence?
        // Versions named by the matching CPEs; nil when some matching CPE says ANY version.
        var cpeVersions: [CPEValue]? = []
        if let itemCPE = item.cpe {
            for cpe in product.cpes where cpeMatchesIgnoringVersion(source: cpe, target: itemCPE) {
                evidence = .cpe
                if cpe.version == .any { cpeVersions = nil } else { cpeVersions?.append(cpe.version) }
            }
        }
        if evidence == nil && !item.modelNumbers.isEmpty && !(product.modelNumbers.isEmpty && product.skus.isEmpty) {
            let itemModels = item.modelNumbers.map(NameNormalizer.model)
            let patterns = (product.modelNumbers + product.skus).map(NameNormalizer.model)
            if patterns.contains(where: { pattern in itemModels.contains { NameNormalizer.modelMatches(pattern: pattern, model: $0) } }) {
                evidence = .modelNumber
            }
        }
        if evidence == nil && namesAgree(item, product) {
            evidence = .vendorProduct
        }
        guard let evidence else { return nil }
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

    static func namesAgree(_ item: Equipment, _ product: AffectedProduct) -> Bool {
        let vendor = NameNormalizer.vendor(product.vendor)
        let name = NameNormalizer.product(product.product)
        guard !vendor.isEmpty, !name.isEmpty else { return false }
        if vendor == NameNormalizer.vendor(item.vendor) && name == NameNormalizer.product(item.product) { return true }
        if let cpe = item.cpe, case .string(let cpeVendor) = cpe.vendor, case .string(let cpeProduct) = cpe.product {
            return vendor == NameNormalizer.vendor(cpeVendor.text) && name == NameNormalizer.product(cpeProduct.text)
        }
        return false
    }
}
