/// The observable properties the index can look up, i.e. the STIX object paths the log readers fill.
public enum IndexField: UInt8, Sendable, CaseIterable {
    case ipv4Value, ipv6Value, domainValue, urlValue, emailValue, md5, sha1, sha256
    case trafficSrcAddr, trafficDstAddr, trafficSrcPort, trafficDstPort, trafficProtocol

    /// The field for a STIX object path, or nil when the readers never fill that property.
    public static func field(for path: ObjectPath) -> IndexField? {
        let keys = path.steps
        func key(_ i: Int) -> String? {
            guard i < keys.count, case .key(let k) = keys[i] else { return nil }
            return k
        }
        switch path.objectType {
        case "ipv4-addr" where keys.count == 1 && key(0) == "value": return .ipv4Value
        case "ipv6-addr" where keys.count == 1 && key(0) == "value": return .ipv6Value
        case "domain-name" where keys.count == 1 && key(0) == "value": return .domainValue
        case "url" where keys.count == 1 && key(0) == "value": return .urlValue
        case "email-addr" where keys.count == 1 && key(0) == "value": return .emailValue
        case "file" where keys.count == 2 && key(0) == "hashes":
            switch key(1) {
            case "MD5": return .md5
            case "SHA-1": return .sha1
            case "SHA-256": return .sha256
            default: return nil
            }
        case "network-traffic":
            if keys.count == 2 && key(1) == "value" {
                if key(0) == "src_ref" { return .trafficSrcAddr }
                if key(0) == "dst_ref" { return .trafficDstAddr }
            }
            if keys.count == 1 && key(0) == "src_port" { return .trafficSrcPort }
            if keys.count == 1 && key(0) == "dst_port" { return .trafficDstPort }
            if keys.count == 2 && key(0) == "protocols" {
                if case .anyIndex = keys[1] { return .trafficProtocol }
                if case .index(0) = keys[1] { return .trafficProtocol }
            }
            return nil
        default:
            return nil
        }
    }

    /// Whether values of this field are addresses (so `ISSUBSET` can use the prefix trie).
    var isAddress: Bool {
        switch self {
        case .ipv4Value, .ipv6Value, .trafficSrcAddr, .trafficDstAddr: true
        default: false
        }
    }

    /// Whether values are integers (ports) rather than strings.
    var isInteger: Bool { self == .trafficSrcPort || self == .trafficDstPort }
}

/// STIX object types the log readers can produce; a comparison on any other type can never hold.
public enum ProducedObjectType: UInt8, Sendable, CaseIterable {
    case ipv4Addr, ipv6Addr, domainName, url, emailAddr, file, networkTraffic

    /// The produced type named `name`, or nil.
    public init?(stixType name: String) {
        switch name {
        case "ipv4-addr": self = .ipv4Addr
        case "ipv6-addr": self = .ipv6Addr
        case "domain-name": self = .domainName
        case "url": self = .url
        case "email-addr": self = .emailAddr
        case "file": self = .file
        case "network-traffic": self = .networkTraffic
        default: return nil
        }
    }
}
