import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which addresses the hub's own outbound calls (webhooks, advisory feeds) may reach.
///
/// An organisation administrator chooses a webhook URL and a hub administrator a feed URL; without a
/// limit either could aim the hub at its own loopback services, the cloud metadata address or the
/// internal network behind it. By default the hub calls only public addresses; a deployment on a
/// closed network names the internal ranges it trusts (`kakehashi serve --outbound-allow 10.20.0.0/16`).
/// Every address a name resolves to must pass, and redirects are checked again (see ``OutboundHTTP``).
public struct OutboundPolicy: Sendable {
    /// Ranges the hub may call even though they are not public.
    public var allowed: [IPNetwork]

    public init(allowing allowed: [IPNetwork] = []) {
        self.allowed = allowed
    }

    /// Only public addresses.
    public static let publicOnly = OutboundPolicy()

    /// Ranges that are not public, with what they are.
    static let reserved: [(network: IPNetwork, name: String)] = [
        ("0.0.0.0/8", "this network"), ("10.0.0.0/8", "private"), ("100.64.0.0/10", "shared address space"),
        ("127.0.0.0/8", "loopback"), ("169.254.0.0/16", "link-local (cloud metadata)"), ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignments"), ("192.168.0.0/16", "private"), ("198.18.0.0/15", "benchmarking"),
        ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"), ("::1/128", "loopback"), ("fc00::/7", "unique local"), ("fe80::/10", "link-local"),
        ("ff00::/8", "multicast"), ("64:ff9b::/96", "IPv4/IPv6 translation"),
    ].map { (try! IPNetwork($0.0), $0.1) }

    /// Why the hub may not call `address`, or nil when it may.
    public func refusal(for address: IPAddress) -> String? {
        if allowed.contains(where: { $0.contains(address) }) { return nil }
        if let embedded = address.mappedIPv4 { return refusal(for: embedded) }
        guard let range = Self.reserved.first(where: { $0.network.contains(address) }) else { return nil }
        return "\(address) is in \(range.network) (\(range.name))"
    }

    /// Checks the host of `url`: a literal address directly, a name by resolving it.
    /// - Throws: ``OutboundRefusal`` naming the host, the address and the range.
    public func check(url: URL) async throws {
        guard let host = url.host, !host.isEmpty else {
            throw OutboundCallError(target: url.absoluteString, reason: "the URL has no host")
        }
        try await check(host: host)
    }

    /// Checks `host` (a name, or an address, IPv6 with or without brackets).
    public func check(host: String) async throws {
        let addresses: [IPAddress]
        if let literal = Self.literal(host) {
            addresses = [literal]
        } else {
            addresses = try await Self.resolve(host)
        }
        for address in addresses {
            if let reason = refusal(for: address) {
                throw OutboundRefusal(host: host, reason: reason)
            }
        }
    }

    /// Checks only what needs no name lookup: a literal address, or `localhost`. For a quick answer
    /// when a URL is configured; the call itself checks the resolved addresses.
    public func checkLiteral(url: URL) throws {
        guard var host = url.host?.lowercased(), !host.isEmpty else {
            throw OutboundCallError(target: url.absoluteString, reason: "the URL has no host")
        }
        if host.hasSuffix(".") { host.removeLast() }  // the fully qualified form names the same host
        if host == "localhost" || host.hasSuffix(".localhost") {
            if let reason = refusal(for: IPAddress(bytes: [127, 0, 0, 1])) { throw OutboundRefusal(host: host, reason: reason) }
            return
        }
        if let literal = Self.literal(host), let reason = refusal(for: literal) {
            throw OutboundRefusal(host: host, reason: reason)
        }
    }

    /// The address `host` writes literally (IPv6 with or without brackets), or nil for a name.
    static func literal(_ host: String) -> IPAddress? {
        IPAddress(host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host)
    }

    /// The addresses `name` resolves to, looked up off the concurrency pool (the lookup blocks).
    static func resolve(_ name: String) async throws -> [IPAddress] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try lookup(name) })
            }
        }
    }

    private static func lookup(_ name: String) throws -> [IPAddress] {
        var hints = addrinfo()
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0 else {
            throw OutboundCallError(target: name, reason: "the name does not resolve (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var entry = list
        while let info = entry?.pointee {
            if info.ai_family == AF_INET, let raw = info.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { socket in
                    var address = socket.pointee.sin_addr
                    addresses.append(IPAddress(bytes: withUnsafeBytes(of: &address) { Array($0) }))
                }
            } else if info.ai_family == AF_INET6, let raw = info.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { socket in
                    var address = socket.pointee.sin6_addr
                    addresses.append(IPAddress(bytes: withUnsafeBytes(of: &address) { Array($0) }))
                }
            }
            entry = info.ai_next
        }
        guard !addresses.isEmpty else {
            throw OutboundCallError(target: name, reason: "the name resolves to no address")
        }
        return addresses
    }
}

/// An outbound call the hub will not make, and why.
public struct OutboundRefusal: Error, CustomStringConvertible {
    public let host: String
    public let reason: String
    public var description: String {
        "the hub does not call \(host): \(reason); an administrator can allow an internal range with `kakehashi serve --outbound-allow CIDR`"
    }
}

/// An outbound call that could not be made for another reason than the policy: a name that does not
/// resolve, a redirect that leads nowhere.
public struct OutboundCallError: Error, CustomStringConvertible {
    public let target: String
    public let reason: String
    public var description: String { "\(target): \(reason)" }
}
