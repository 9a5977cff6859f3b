/// What a detection entry is: the kinds of value a sensor can look for without evaluating a pattern.
public enum DetectionKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// One IPv4 or IPv6 address, canonical text (`192.0.2.1`, `2001:db8::1`).
    case address
    /// A CIDR block with its host bits cleared (`192.0.2.0/24`).
    case subnet
    /// A domain name, lower-case ASCII (IDNs in their `xn--` form), no trailing dot.
    case domain
    /// A URL as the indicator wrote it (`http://host/path`).
    case url
    /// File hashes, lower-case hexadecimal.
    case md5, sha1, sha256
    /// An e-mail address.
    case email
    /// A file name.
    case fileName = "file-name"

    /// The Zeek Intelligence Framework type (`Intel::ADDR`…).
    public var zeekType: String {
        switch self {
        case .address: "Intel::ADDR"
        case .subnet: "Intel::SUBNET"
        case .domain: "Intel::DOMAIN"
        case .url: "Intel::URL"
        case .md5, .sha1, .sha256: "Intel::FILE_HASH"
        case .email: "Intel::EMAIL"
        case .fileName: "Intel::FILE_NAME"
        }
    }

    public static func < (lhs: DetectionKind, rhs: DetectionKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
