/// One entry of a CVE JSON 5 `versions` array: a single version, or a range from `version` up to
/// `lessThan` / `lessThanOrEqual`, with optional status `changes` inside the range.
///
/// ```swift
/// let range = VersionRange(version: "2.0", status: .affected, versionType: "custom", lessThan: "2.4.1")
/// range.status(of: Version("2.3")) // .affected
/// ```
public struct VersionRange: Sendable, Hashable {
    /// A point inside the range where the status changes.
    public struct Change: Sendable, Hashable {
        /// The version at which the change happens.
        public let at: Version
        /// The status from `at` on.
        public let status: AffectedStatus

        /// Creates a change.
        public init(at: String, status: AffectedStatus) {
            self.at = Version(at)
            self.status = status
        }
    }

    /// The single version, or the lower bound of the range (`0` or `*` means from the beginning).
    public let version: Version
    /// The status of the versions this entry covers.
    public let status: AffectedStatus
    /// The `versionType` (`semver`, `custom`, `git`, …); `semver` selects SemVer precedence.
    public let versionType: String?
    /// Exclusive upper bound (`*` means unbounded).
    public let lessThan: Version?
    /// Inclusive upper bound (`*` means unbounded).
    public let lessThanOrEqual: Version?
    /// Status changes, in any order.
    public let changes: [Change]
    private let unboundedLow: Bool
    private let upperExclusive: Version?
    private let upperInclusive: Version?

    /// Creates an entry.
    public init(
        version: String, status: AffectedStatus, versionType: String? = nil,
        lessThan: String? = nil, lessThanOrEqual: String? = nil, changes: [Change] = []
    ) {
        self.version = Version(version)
        self.status = status
        self.versionType = versionType
        self.lessThan = lessThan.map(Version.init)
        self.lessThanOrEqual = lessThanOrEqual.map(Version.init)
        self.changes = changes
        self.unboundedLow = version == "*" || version == "0" || version.isEmpty
        self.upperExclusive = lessThan == "*" ? nil : self.lessThan
        self.upperInclusive = lessThanOrEqual == "*" ? nil : self.lessThanOrEqual
    }

    /// True when the entry is a range rather than a single version.
    public var isRange: Bool { lessThan != nil || lessThanOrEqual != nil }

    /// The status this entry gives `candidate`, or nil when the entry does not cover it.
    public func status(of candidate: Version) -> AffectedStatus? {
        let semantic = versionType == "semver"
        func cmp(_ a: Version, _ b: Version) -> Int { Version.compare(a, b, semantic: semantic) }
        guard isRange else {
            return cmp(candidate, version) == 0 ? status : nil
        }
        if !unboundedLow && cmp(candidate, version) < 0 { return nil }
        if let upperExclusive, cmp(candidate, upperExclusive) >= 0 { return nil }
        if let upperInclusive, cmp(candidate, upperInclusive) > 0 { return nil }
        var result = status
        var best: Version?
        for change in changes where cmp(candidate, change.at) >= 0 {
            if let current = best, cmp(change.at, current) < 0 { continue }
            best = change.at
            result = change.status
        }
        return result
    }
}
