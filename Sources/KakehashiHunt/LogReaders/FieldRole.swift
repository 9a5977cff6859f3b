/// What a log column or JSON key means, in terms of the STIX observables it yields.
public enum FieldRole: String, Sendable, CaseIterable, Codable {
    /// Event time: epoch seconds (`1700000000.25`) or ISO 8601 text.
    case timestamp
    /// Connection source address (`network-traffic:src_ref`, plus an `ipv4-addr`/`ipv6-addr`).
    case srcIP = "src_ip"
    /// Connection destination address (`network-traffic:dst_ref`).
    case dstIP = "dst_ip"
    /// Connection source port.
    case srcPort = "src_port"
    /// Connection destination port.
    case dstPort = "dst_port"
    /// Transport protocol (`tcp`, `udp`, `icmp`…), lower-cased into `network-traffic:protocols`.
    case proto = "protocol"
    /// A domain name (`domain-name:value`).
    case domain
    /// A full URL (`url:value`).
    case url
    /// An HTTP host; yields a domain (or address) and is combined with `uri` into a URL.
    case host
    /// An HTTP request target (`/path?query`), combined with `host` into a URL.
    case uri
    /// MD5 file hash.
    case md5
    /// SHA-1 file hash.
    case sha1
    /// SHA-256 file hash.
    case sha256
    /// A file hash whose algorithm is told by its length (32, 40 or 64 hex digits).
    case hash
    /// An e-mail address (`email-addr:value`); `Name <a@b>` forms are reduced to the address.
    case email
    /// Any address (or list of addresses) not bound to a connection side.
    case ip
    /// A list whose items are addresses or names (DNS answers).
    case answer
}

/// The kind of a STIX observable value extracted from a log record.
public enum ObservableKind: UInt8, Sendable, CaseIterable {
    case ipv4, ipv6, domain, url, email, md5, sha1, sha256
}
