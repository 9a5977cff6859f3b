/// The Suricata SIDs an organisation gives the hub's rules: `base ..< base + count`.
///
/// Each organisation chooses its own range so that the hub's rules never take a SID its own rules
/// use (MISP#3058); within it, the hub allocates one SID per indicator value and keeps it (MISP#6379).
public struct SIDRange: Sendable, Hashable, CustomStringConvertible {
    /// The first SID.
    public let base: Int64
    /// How many SIDs the range holds.
    public let count: Int64

    /// The range Suricata leaves for local rules: 1,000,000 to 1,999,999.
    public static let local = SIDRange(uncheckedBase: 1_000_000, count: 1_000_000)

    /// The largest SID Suricata accepts (an unsigned 32-bit number).
    public static let maximumSID: Int64 = 4_294_967_295

    /// Checks a range.
    /// - Throws: ``SIDRangeError`` when the range is empty, starts below 1 or ends past ``maximumSID``.
    public init(base: Int64, count: Int64) throws(SIDRangeError) {
        guard base >= 1 else { throw SIDRangeError("the SID base must be at least 1, not \(base)") }
        guard count >= 1 else { throw SIDRangeError("the SID count must be at least 1, not \(count)") }
        guard count <= Self.maximumSID, base <= Self.maximumSID - count + 1 else {
            throw SIDRangeError("SIDs \(base) to \(base) + \(count) - 1 pass \(Self.maximumSID), the largest SID Suricata accepts")
        }
        self.init(uncheckedBase: base, count: count)
    }

    private init(uncheckedBase base: Int64, count: Int64) {
        self.base = base
        self.count = count
    }

    /// The last SID of the range.
    public var last: Int64 { base + count - 1 }

    /// Whether `sid` lies in the range.
    public func contains(_ sid: Int64) -> Bool { sid >= base && sid <= last }

    public var description: String { "\(base)–\(last)" }
}

/// A SID range that cannot be used, and why.
public struct SIDRangeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
