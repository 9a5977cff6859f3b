/// An advisory normalised from CSAF 2.0, a CVE JSON 5 record or the CISA KEV catalog.
public struct Advisory: Sendable, Hashable {
    /// Where the advisory came from.
    public enum Source: String, Sendable, Hashable, Codable {
        case csaf
        case cveRecord = "cve"
        case knownExploited = "kev"
    }

    /// The document's identifier (CSAF tracking id, CVE ID, or the KEV catalog version).
    public var id: String
    /// The format it was read from.
    public var source: Source
    /// The title.
    public var title: String
    /// The publisher (CSAF publisher name, CVE CNA short name, CISA).
    public var publisher: String?
    /// The release date as written (ISO 8601).
    public var released: String?
    /// The vulnerabilities it describes.
    public var vulnerabilities: [VulnerabilityRecord]

    /// Creates an advisory.
    public init(
        id: String, source: Source, title: String, publisher: String? = nil, released: String? = nil,
        vulnerabilities: [VulnerabilityRecord]
    ) {
        self.id = id
        self.source = source
        self.title = title
        self.publisher = publisher
        self.released = released
        self.vulnerabilities = vulnerabilities
    }
}
