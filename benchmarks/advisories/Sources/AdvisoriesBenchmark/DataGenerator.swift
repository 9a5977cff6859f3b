import KakehashiCore

/// Builds a registry and CVE-like records over 2,000 vendors with 10 products each. Items write names
/// the way operators do ("Vendor 0042 Co., Ltd.", "Controller 07 Series"); records use CPE-style names
/// (`vendor_0042`, `controller_07`), so matching exercises name normalisation.
struct DataGenerator {
    static let vendors = 2_000
    static let productsPerVendor = 10

    var random = SplitMix64(seed: 20_261_126)
    let scorePool: [CVSSScore]

    init() throws {
        let vectors = [
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L",
        ]
        scorePool = try vectors.map { try CVSSScore(vector: $0) }
    }

    static func vendorKey(_ vendor: Int) -> String { "vendor_" + pad(vendor, 4) }
    static func productKey(_ product: Int) -> String { "controller_" + pad(product, 2) }
    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    mutating func version() -> String { "\(1 + random.below(5)).\(random.below(10)).\(random.below(20))" }

    mutating func equipment(count: Int) throws -> [Equipment] {
        var items: [Equipment] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            let vendor = random.below(Self.vendors), product = random.below(Self.productsPerVendor)
            let version: String? = random.chance(95) ? version() : nil
            var cpe: CPEName?
            if random.chance(30) {
                cpe = CPEName(part: "h", vendor: Self.vendorKey(vendor), product: Self.productKey(product), version: version ?? "*")
            }
            let models = random.chance(40) ? ["M\(Self.pad(vendor, 4))-\(Self.pad(product, 2))-A\(random.below(10))"] : []
            items.append(Equipment(
                id: "EQ-\(index)", name: "Unit \(index)", vendor: "Vendor \(Self.pad(vendor, 4)) Co., Ltd.",
                product: "Controller \(Self.pad(product, 2)) Series", version: version, modelNumbers: models, cpe: cpe,
                site: "Site \(random.below(500))", function: "process control", domain: random.chance(70) ? .ot : .it,
                designatedCriticalEquipment: random.chance(10), criticalComputer: random.chance(10)))
        }
        return items
    }

    mutating func records(count: Int, knownExploited: Int) -> [VulnerabilityRecord] {
        var records: [VulnerabilityRecord] = []
        records.reserveCapacity(count + knownExploited)
        for index in 0..<count {
            var affected: [AffectedProduct] = []
            for _ in 0..<(random.chance(15) ? 2 : 1) { affected.append(affectedProduct()) }
            let scores = [scorePool[random.below(scorePool.count)]]
            records.append(VulnerabilityRecord(
                cve: "CVE-\(2015 + index % 12)-\(Self.pad(10_000 + index, 5))", advisoryID: "GEN-\(index)",
                affected: affected, scores: scores,
                remediations: [Remediation(category: "vendor_fix", details: "Update to a fixed release.")]))
        }
        for kev in 0..<knownExploited {
            let source = records[random.below(count)]
            guard let product = source.affected.first, let cve = source.cve else { continue }
            let exploitation = KnownExploitation(
                dateAdded: "2026-01-01", dueDate: "2026-01-22", requiredAction: "Apply updates per vendor instructions.",
                knownRansomwareCampaignUse: kev % 10 == 0 ? "Known" : "Unknown", vulnerabilityName: cve)
            records.append(VulnerabilityRecord(
                cve: cve, advisoryID: "KEV", affected: [AffectedProduct(vendor: product.vendor, product: product.product)],
                knownExploited: exploitation))
        }
        return records
    }

    mutating func affectedProduct() -> AffectedProduct {
        let vendor = random.below(Self.vendors), product = random.below(Self.productsPerVendor)
        let low = "\(1 + random.below(4)).\(random.below(10))"
        let high = "\(2 + random.below(4)).\(random.below(10)).\(random.below(20))"
        var versions: [VersionRange]
        if random.chance(10) {
            versions = [VersionRange(version: version(), status: .affected)]
        } else {
            let changes: [VersionRange.Change] = random.chance(20) ? [.init(at: version(), status: .unaffected)] : []
            versions = [VersionRange(version: low, status: .affected, versionType: "custom", lessThan: high, changes: changes)]
        }
        let cpes = random.chance(30)
            ? [CPEName(part: "h", vendor: Self.vendorKey(vendor), product: Self.productKey(product))] : []
        let models = random.chance(5) ? ["M\(Self.pad(vendor, 4))-\(Self.pad(product, 2))-*"] : []
        return AffectedProduct(
            vendor: Self.vendorKey(vendor), product: Self.productKey(product) + "_firmware", cpes: cpes,
            modelNumbers: models, versions: versions, defaultStatus: .unaffected)
    }
}
