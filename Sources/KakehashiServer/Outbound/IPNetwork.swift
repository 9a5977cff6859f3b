#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address range in CIDR form (`10.0.0.0/8`, `fd00::/8`); a bare address is a range of one.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The network's address bytes (4 or 16), host bits cleared.
    public let address: [UInt8]
    /// How many leading bits are fixed.
    public let prefixLength: Int

    /// Parses `text`; the error says what is wrong with it.
    public init(_ text: String) throws(IPNetworkError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = IPNetwork.addressBytes(String(parts[0])) else {
            throw IPNetworkError(text: text, reason: "'\(parts[0])' is not an IPv4 or IPv6 address")
        }
        let length: Int
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...bytes.count * 8).contains(parsed) else {
                throw IPNetworkError(text: text, reason: "the prefix length must be a number from 0 to \(bytes.count * 8)")
            }
            length = parsed
        } else {
            length = bytes.count * 8
        }
        self.init(bytes: bytes, prefixLength: length)
    }

    init(bytes: [UInt8], prefixLength: Int) {
        self.address = bytes.enumerated().map { index, byte in
            let fixed = max(0, min(8, prefixLength - index * 8))
            return fixed == 8 ? byte : byte & ~(UInt8(0xFF) >> fixed)
        }
        self.prefixLength = prefixLength
    }

    /// Whether `bytes` (4 or 16 address bytes) lie in the range; an address of the other family never does.
    public func contains(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == address.count else { return false }
        var remaining = prefixLength
        for index in 0..<bytes.count where remaining > 0 {
            let fixed = min(8, remaining)
            let mask = UInt8(0xFF) << (8 - fixed)
            if bytes[index] & mask != address[index] { return false }
            remaining -= fixed
        }
        return true
    }

    public var description: String { "\(IPNetwork.text(of: address))/\(prefixLength)" }

    /// The 4 or 16 bytes of a literal address (IPv6 without brackets), or nil.
    public static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The usual text form of 4 or 16 address bytes.
    public static func text(of bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil }
        return ok ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }
}

/// A range that does not parse.
public struct IPNetworkError: Error, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "'\(text)' is not an address range: \(reason)" }
}
