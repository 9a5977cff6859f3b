/// Whether a product version is affected, as CVE JSON 5 and CSAF say it.
public enum AffectedStatus: String, Sendable, Hashable, Codable {
    case affected
    case unaffected
    case unknown
}
