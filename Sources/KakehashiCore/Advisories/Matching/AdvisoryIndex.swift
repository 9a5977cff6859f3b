/// Vulnerability records indexed by normalised vendor/product, vendor and model number, so that
/// matching an item looks only at records that could concern it.
public struct AdvisoryIndex: Sendable {
    struct Ref: Hashable {
        let record: Int32
        let product: Int32
    }

    /// The records, in the order given.
    public let records: [VulnerabilityRecord]
    /// KEV facts by CVE ID, gathered from every record that carries them.
    public let knownExploited: [String: KnownExploitation]
    var byVendorProduct: [String: [Ref]] = [:]
    var byVendor: [String: [Ref]] = [:]
    var byModel: [String: [Ref]] = [:]
    /// Model-number patterns (`PX-2??-CPU`) by their first two literal characters.
    var byModelPrefix: [String: [Ref]] = [:]

    /// Indexes the vulnerabilities of `advisories`.
    public init(advisories: [Advisory]) {
        self.init(records: advisories.flatMap(\.vulnerabilities))
    }

    /// Indexes `records`.
    public init(records: [VulnerabilityRecord]) {
        self.records = records
        var kev: [String: KnownExploitation] = [:]
        for (recordIndex, record) in records.enumerated() {
            if let cve = record.cve, let exploitation = record.knownExploited { kev[cve] = exploitation }
            for (productIndex, product) in record.affected.enumerated() {
                let ref = Ref(record: Int32(recordIndex), product: Int32(productIndex))
                var vendorOnly = false
                var keys = Set<String>()
                let vendor = NameNormalizer.vendor(product.vendor)
                let productKey = NameNormalizer.product(product.product)
                if !vendor.isEmpty && !productKey.isEmpty { keys.insert(vendor + "\u{1}" + productKey) }
                for cpe in product.cpes {
                    guard case .string(let cpeVendor) = cpe.vendor else { continue }
                    let cpeVendorKey = NameNormalizer.vendor(cpeVendor.text)
                    if case .string(let cpeProduct) = cpe.product, !cpeProduct.hasWildcards {
                        keys.insert(cpeVendorKey + "\u{1}" + NameNormalizer.product(cpeProduct.text))
                    } else {
                        if byVendor[cpeVendorKey]?.last != ref { byVendor[cpeVendorKey, default: []].append(ref) }
                        vendorOnly = true
                    }
                }
                for key in keys { byVendorProduct[key, default: []].append(ref) }
                for model in product.modelNumbers + product.skus {
                    let key = NameNormalizer.model(model)
                    if key.contains("*") || key.contains("?") {
                        let prefix = key.prefix { $0 != "*" && $0 != "?" }
                        if prefix.count >= 2 {
                            let bucket = String(prefix.prefix(2))
                            if byModelPrefix[bucket]?.last != ref { byModelPrefix[bucket, default: []].append(ref) }
                        } else if !vendorOnly && !vendor.isEmpty {
                            byVendor[vendor, default: []].append(ref)
                            vendorOnly = true
                        }
                    } else if !key.isEmpty {
                        byModel[key, default: []].append(ref)
                    }
                }
            }
        }
        self.knownExploited = kev
    }

    /// References to every record entry that could concern `item`, without duplicates.
    func candidates(for item: Equipment) -> [Ref] {
        var vendors = [NameNormalizer.vendor(item.vendor)]
        var keys = [vendors[0] + "\u{1}" + NameNormalizer.product(item.product)]
        if let cpe = item.cpe, case .string(let vendor) = cpe.vendor, case .string(let product) = cpe.product {
            let vendorKey = NameNormalizer.vendor(vendor.text)
            if vendorKey != vendors[0] { vendors.append(vendorKey) }
            let key = vendorKey + "\u{1}" + NameNormalizer.product(product.text)
            if key != keys[0] { keys.append(key) }
        }
        var result: [Ref] = []
        var buckets = 0
        func take(_ refs: [Ref]?) {
            guard let refs, !refs.isEmpty else { return }
            buckets += 1
            result += refs
        }
        for key in keys { take(byVendorProduct[key]) }
        for vendor in vendors { take(byVendor[vendor]) }
        for model in item.modelNumbers {
            let key = NameNormalizer.model(model)
            take(byModel[key])
            if key.count >= 2 { take(byModelPrefix[String(key.prefix(2))]) }
        }
        if buckets > 1 {
            var seen = Set<Ref>()
            result = result.filter { seen.insert($0).inserted }
        }
        return result
    }
}
