#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KakehashiHunt

/// An IPv4 or IPv6 address, held as the hunt engine's 128-bit ``IPKey`` (IPv4 in the top 32 bits), so
/// parsing and masking are those the indicator index already uses.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public let key: IPKey
    public let isIPv6: Bool

    public init(key: IPKey, isIPv6: Bool) {
        self.key = key
        self.isIPv6 = isIPv6
    }

    /// A literal address (IPv6 without brackets), or nil.
    public init?(_ text: String) {
        guard !text.contains("/"), let parsed = IPKey.parseCIDR(text) else { return nil }
        self.init(key: parsed.key, isIPv6: parsed.v6)
    }

    /// 4 or 16 bytes in network order, as the resolver gives them.
    init(bytes: [UInt8]) {
        func word(_ slice: ArraySlice<UInt8>) -> UInt64 { slice.reduce(0) { $0 << 8 | UInt64($1) } }
        if bytes.count == 4 {
            self.init(key: IPKey(hi: word(bytes[0..<4]) << 32, lo: 0), isIPv6: false)
        } else {
            self.init(key: IPKey(hi: word(bytes[0..<8]), lo: word(bytes[8..<16])), isIPv6: true)
        }
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), if this is one.
    var mappedIPv4: IPAddress? {
        guard isIPv6, key.hi == 0, key.lo >> 32 == 0xFFFF else { return nil }
        return IPAddress(key: IPKey(v4: UInt32(truncatingIfNeeded: key.lo)), isIPv6: false)
    }

    public var description: String {
        let words = [key.hi, key.lo]
        let bytes = (0..<(isIPv6 ? 16 : 4)).map { i in UInt8(truncatingIfNeeded: words[i / 8] >> UInt64(56 - i % 8 * 8)) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let ok = bytes.withUnsafeBytes { inet_ntop(isIPv6 ? AF_INET6 : AF_INET, $0.baseAddress, &buffer, socklen_t(buffer.count)) != nil }
        return ok ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }
}

/// An IPv4 or IPv6 address range in CIDR form (`10.0.0.0/8`, `fd00::/8`); a bare address is a range of one.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The network's address, host bits cleared.
    public let address: IPAddress
    /// How many leading bits are fixed.
    public let prefixLength: Int

    /// Parses `text`; the error says what is wrong with it.
    public init(_ text: String) throws(IPNetworkError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else {
            throw IPNetworkError(text: text, reason: "'\(parts[0])' is not an IPv4 or IPv6 address")
        }
        let maximum = address.isIPv6 ? 128 : 32
        var length = maximum
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...maximum).contains(parsed) else {
                throw IPNetworkError(text: text, reason: "the prefix length must be a number from 0 to \(maximum)")
            }
            length = parsed
        }
        self.address = IPAddress(key: address.key.masked(to: length), isIPv6: address.isIPv6)
        self.prefixLength = length
    }

    /// Whether `candidate` lies in the range; an address of the other family never does.
    public func contains(_ candidate: IPAddress) -> Bool {
        candidate.isIPv6 == address.isIPv6 && candidate.key.masked(to: prefixLength) == address.key
    }

    public var description: String { "\(address)/\(prefixLength)" }
}

/// A range that does not parse.
public struct IPNetworkError: Error, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "'\(text)' is not an address range: \(reason)" }
}
