/// Vulnerability records indexed by normalised vendor/product, vendor and model number, so that
/// matching an item looks only at records that could concern it.
public struct AdvisoryIndex: Sendable {
    struct Ref: Hashable {
        /// Position in ``entries``.
        let entry: Int32
    }

    /// One affected-product entry with what matching needs, held by reference so that looking at a
    /// candidate costs one retain rather than a copy of the record.
    final class Entry: Sendable {
        let record: Int32
        let productIndex: Int32
        let product: AffectedProduct
        let keys: ProductKeys
        /// The CVE ID, or the advisory ID and title, under which findings for an item are merged.
        let mergeKey: String
        let remediations: [Remediation]
        let scores: [CVSSScore]
        /// True when the record carries KEV facts itself (a catalog entry).
        let isCatalogEntry: Bool

        init(record: Int32, productIndex: Int32, source: VulnerabilityRecord, keys: ProductKeys) {
            self.record = record
            self.productIndex = productIndex
            self.product = source.affected[Int(productIndex)]
            self.keys = keys
            self.mergeKey = source.cve ?? (source.advisoryID + "\u{1}" + (source.title ?? ""))
            let productID = product.productID
            self.remediations = source.remediations.filter { remediation in
                remediation.productIDs.isEmpty || productID.map(remediation.productIDs.contains) == true
            }
            self.scores = source.scores
            self.isCatalogEntry = source.knownExploited != nil
        }
    }

    /// Normalised names of one affected-product entry, computed once.
    struct ProductKeys: Sendable {
        let vendor: String
        let product: String
        let models: [String]
    }

    /// The records, in the order given.
    public let records: [VulnerabilityRecord]
    /// KEV facts by CVE ID, gathered from every record that carries them.
    public private(set) var knownExploited: [String: KnownExploitation] = [:]
    /// Every affected-product entry of every record.
    private(set) var entries: [Entry] = []
    var byVendorProduct: [String: [Ref]] = [:]
    var byVendor: [String: [Ref]] = [:]
    var byModel: [String: [Ref]] = [:]
    /// Model-number patterns (`PX-2??-CPU`) by their literal start, cut to at most
    /// ``modelPrefixLength`` characters.
    var byModelPrefix: [String: [Ref]] = [:]
    static let modelPrefixLength = 6

    /// Indexes the vulnerabilities of `advisories`.
    public init(advisories: [Advisory]) {
        self.init(records: advisories.flatMap(\.vulnerabilities))
    }

    /// Indexes `records`.
    public init(records: [VulnerabilityRecord]) {
        self.records = records
        var kev: [String: KnownExploitation] = [:]
        var entries: [Entry] = []
        entries.reserveCapacity(records.count)
        for (recordIndex, record) in records.enumerated() {
            if let cve = record.cve, let exploitation = record.knownExploited { kev[cve] = exploitation }
            for (productIndex, product) in record.affected.enumerated() {
                let ref = Ref(entry: Int32(entries.count))
                let productKeys = ProductKeys(
                    vendor: NameNormalizer.vendor(product.vendor), product: NameNormalizer.product(product.product),
                    models: (product.modelNumbers + product.skus).map(NameNormalizer.model).filter { !$0.isEmpty })
                entries.append(Entry(record: Int32(recordIndex), productIndex: Int32(productIndex), source: record, keys: productKeys))
                add(ref, product: product, keys: productKeys)
            }
        }
        self.entries = entries
        self.knownExploited = kev
    }

    private mutating func add(_ ref: Ref, product: AffectedProduct, keys: ProductKeys) {
        var pairs = Set<String>()
        var vendors = Set<String>()
        if !keys.vendor.isEmpty && !keys.product.isEmpty { pairs.insert(keys.vendor + "\u{1}" + keys.product) }
        for cpe in product.cpes {
            guard case .string(let cpeVendor) = cpe.vendor else { continue }
            let vendor = NameNormalizer.vendor(cpeVendor.text)
            if case .string(let cpeProduct) = cpe.product, !cpeProduct.hasWildcards {
                pairs.insert(vendor + "\u{1}" + NameNormalizer.product(cpeProduct.text))
            } else {
                vendors.insert(vendor)
            }
        }
        var prefixes = Set<String>()
        for model in keys.models {
            if model.contains("*") || model.contains("?") {
                let literal = model.prefix { $0 != "*" && $0 != "?" }
                if literal.count >= 2 {
                    prefixes.insert(String(literal.prefix(Self.modelPrefixLength)))
                } else if !keys.vendor.isEmpty {
                    vendors.insert(keys.vendor)
                }
            } else {
                byModel[model, default: []].append(ref)
            }
        }
        for pair in pairs { byVendorProduct[pair, default: []].append(ref) }
        for vendor in vendors { byVendor[vendor, default: []].append(ref) }
        for prefix in prefixes { byModelPrefix[prefix, default: []].append(ref) }
    }

    /// References to every record entry that could concern the item, without duplicates.
    func candidates(for item: ItemKeys) -> [Ref] {
        var result: [Ref] = []
        var buckets = 0
        func take(_ refs: [Ref]?) {
            guard let refs, !refs.isEmpty else { return }
            buckets += 1
            result += refs
        }
        for pair in item.pairs { take(byVendorProduct[pair.vendor + "\u{1}" + pair.product]) }
        for vendor in item.vendors { take(byVendor[vendor]) }
        for model in item.models {
            take(byModel[model])
            for length in 2...Self.modelPrefixLength where length <= model.count {
                take(byModelPrefix[String(model.prefix(length))])
            }
        }
        if buckets > 1 {
            var seen = Set<Ref>()
            result = result.filter { seen.insert($0).inserted }
        }
        return result
    }
}

/// Normalised names and the version of one registered item, computed once per match.
struct ItemKeys {
    let vendors: [String]
    let pairs: [(vendor: String, product: String)]
    let models: [String]
    let version: Version?

    init(_ item: Equipment) {
        var vendors = [NameNormalizer.vendor(item.vendor)]
        var pairs = [(vendors[0], NameNormalizer.product(item.product))]
        if let cpe = item.cpe, case .string(let vendor) = cpe.vendor, case .string(let product) = cpe.product {
            let vendorKey = NameNormalizer.vendor(vendor.text)
            if vendorKey != vendors[0] { vendors.append(vendorKey) }
            let pair = (vendorKey, NameNormalizer.product(product.text))
            if pair != pairs[0] { pairs.append(pair) }
        }
        self.vendors = vendors
        self.pairs = pairs
        self.models = item.modelNumbers.map(NameNormalizer.model).filter { !$0.isEmpty }
        if let version = item.version, !version.isEmpty {
            self.version = Version(version)
        } else if let cpe = item.cpe, case .string(let version) = cpe.version, !version.hasWildcards {
            self.version = Version(version.text)
        } else {
            self.version = nil
        }
    }
}
