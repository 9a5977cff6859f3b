/// A product that a vulnerability record speaks about, with how to recognise it (vendor and product
/// names, CPE names, model numbers, SKUs, purls) and which versions have which status.
public struct AffectedProduct: Sendable, Hashable {
    /// The vendor as the document names it.
    public var vendor: String
    /// The product as the document names it.
    public var product: String
    /// CPE names (CVE `cpes`, CSAF `product_identification_helper.cpe`).
    public var cpes: [CPEName]
    /// Model numbers (CSAF `model_numbers`), which may end in `*`.
    public var modelNumbers: [String]
    /// Stock keeping units (CSAF `skus`).
    public var skus: [String]
    /// Package URLs (CSAF `purl`).
    public var purls: [String]
    /// CVE-style version entries; empty means the status applies to every version.
    public var versions: [VersionRange]
    /// CSAF `product_version_range` values in `vers:` form.
    public var versRanges: [VersRange]
    /// The status for versions no entry covers (CVE `defaultStatus`; CSAF product status).
    public var defaultStatus: AffectedStatus
    /// The CSAF product ID, if the product came from a CSAF product tree.
    public var productID: String?
    /// The platform a component is installed on (CSAF relationships), for display.
    public var platform: String?

    /// Creates an entry.
    public init(
        vendor: String, product: String, cpes: [CPEName] = [], modelNumbers: [String] = [], skus: [String] = [],
        purls: [String] = [], versions: [VersionRange] = [], versRanges: [VersRange] = [],
        defaultStatus: AffectedStatus = .unknown, productID: String? = nil, platform: String? = nil
    ) {
        self.vendor = vendor
        self.product = product
        self.cpes = cpes
        self.modelNumbers = modelNumbers
        self.skus = skus
        self.purls = purls
        self.versions = versions
        self.versRanges = versRanges
        self.defaultStatus = defaultStatus
        self.productID = productID
        self.platform = platform
    }

    /// The status of `version` for this product, or nil when this entry does not call it affected or
    /// unknown (unaffected versions and versions outside every range when the default is unaffected).
    public func status(of version: Version?) -> AffectedStatus? {
        guard !versions.isEmpty || !versRanges.isEmpty else {
            return defaultStatus == .unaffected ? nil : defaultStatus
        }
        guard let version, !version.segments.isEmpty else { return .unknown }
        var sawUnaffected = false
        for entry in versions {
            switch entry.status(of: version) {
            case .affected: return .affected
            case .unaffected: sawUnaffected = true
            case .unknown, nil: break
            }
        }
        if versRanges.contains(where: { $0.contains(version) }) {
            return defaultStatus == .unaffected ? nil : defaultStatus
        }
        if sawUnaffected { return nil }
        if !versRanges.isEmpty && versions.isEmpty { return nil }
        return defaultStatus == .unaffected ? nil : defaultStatus
    }
}
