/// Vulnerability records indexed by normalised vendor/product, vendor and model number, so that
/// matching an item looks only at records that could concern it.
public struct AdvisoryIndex: Sendable {
    struct Ref: Hashable {
        let record: Int32
        let product: Int32
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
    /// ``ProductKeys`` for `records[r].affected[p]` at `[r][p]`.
    private(set) var keys: [[ProductKeys]] = []
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
        var keys: [[ProductKeys]] = []
        keys.reserveCapacity(records.count)
        for (recordIndex, record) in records.enumerated() {
            if let cve = record.cve, let exploitation = record.knownExploited { kev[cve] = exploitation }
            var recordKeys: [ProductKeys] = []
            for (productIndex, product) in record.affected.enumerated() {
                let ref = Ref(record: Int32(recordIndex), product: Int32(productIndex))
                let productKeys = ProductKeys(
                    vendor: NameNormalizer.vendor(product.vendor), product: NameNormalizer.product(product.product),
                    models: (product.modelNumbers + product.skus).map(NameNormalizer.model).filter { !$0.isEmpty })
                recordKeys.append(productKeys)
                add(ref, product: product, keys: productKeys)
            }
            keys.append(recordKeys)
        }
        self.keys = keys
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
