/// What to do about a vulnerability: a vendor fix, a workaround, a mitigation.
public struct Remediation: Sendable, Hashable {
    /// CSAF remediation category (`vendor_fix`, `workaround`, `mitigation`, `no_fix_planned`,
    /// `none_available`), `solution`/`workaround` for CVE records, `required_action` for KEV.
    public var category: String
    /// The text.
    public var details: String
    /// A link, if given.
    public var url: String?
    /// CSAF product IDs the remediation applies to (empty: all).
    public var productIDs: [String]

    /// Creates a remediation.
    public init(category: String, details: String, url: String? = nil, productIDs: [String] = []) {
        self.category = category
        self.details = details
        self.url = url
        self.productIDs = productIDs
    }
}
