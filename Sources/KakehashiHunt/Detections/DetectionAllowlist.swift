import Foundation

/// Values that must never be blocked (an operator's own resolvers, its upstream providers, the hub):
/// entries that hit the list are left out of a pack and reported.
///
/// The file holds one address, CIDR block or domain a line; `#` starts a comment. A domain covers its
/// subdomains; an address or block covers every entry that overlaps it (blocking `8.8.0.0/16` would
/// block the resolver `8.8.8.8`); a URL is covered when its host is.
public struct DetectionAllowlist: Sendable, Hashable {
    public private(set) var addresses: [DetectionAddress] = []
    public private(set) var domains: Set<String> = []

    public init() {}

    /// Reads the file's text.
    /// - Throws: ``DetectionAllowlistError`` naming the first line that is neither an address, a block nor a domain.
    public init(text: String, source: String = "allowlist") throws(DetectionAllowlistError) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            guard add(line) else { throw DetectionAllowlistError(source: source, line: number + 1, text: line) }
        }
    }

    /// Adds an address, a block or a domain; `false` when `text` is none of them.
    @discardableResult
    public mutating func add(_ text: String) -> Bool {
        if let address = DetectionAddress.parse(text) {
            addresses.append(address)
        } else if !text.contains("'"), case .success(let values) = PatternTranslator.translate("[domain-name:value = '\(text)']"),
                  let domain = values.first?.value {
            domains.insert(domain)
        } else {
            return false
        }
        return true
    }

    /// Whether the list holds nothing.
    public var isEmpty: Bool { addresses.isEmpty && domains.isEmpty }

    /// Whether `entry` must not be blocked.
    public func covers(_ entry: DetectionEntry) -> Bool {
        switch entry.kind {
        case .address, .subnet:
            guard let address = DetectionAddress.parse(entry.value) else { return false }
            return addresses.contains { $0.overlaps(address) }
        case .domain:
            return covers(domain: entry.value)
        case .url:
            guard let host = Self.host(of: entry.value) else { return false }
            if let address = DetectionAddress.parse(host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host) {
                return addresses.contains { $0.overlaps(address) }
            }
            return covers(domain: host)
        case .email:
            return entry.value.split(separator: "@").last.map { covers(domain: $0.lowercased()) } ?? false
        default:
            return false
        }
    }

    private func covers(domain: String) -> Bool {
        var name = Substring(domain)
        while true {
            if domains.contains(String(name)) { return true }
            guard let dot = name.firstIndex(of: ".") else { return false }
            name = name[name.index(after: dot)...]
        }
    }

    /// The host of an http(s) URL, lower-case, without a port or credentials (an IPv6 host keeps its brackets).
    public static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return String(authority[...close]).lowercased()
        }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }
}

/// An allowlist line that is not an address, a block or a domain.
public struct DetectionAllowlistError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var text: String

    public var description: String { "\(source) line \(line): '\(text)' is not an IP address, a CIDR block or a domain name" }
}
