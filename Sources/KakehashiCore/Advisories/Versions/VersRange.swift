/// A `vers:` version range as CSAF `product_version_range` branches use it
/// (for example `vers:generic/>=2.0|<2.4.1`), evaluated with the vers specification's algorithm.
public struct VersRange: Sendable, Hashable {
    /// A comparator and version, such as `>=2.0`.
    public struct Constraint: Sendable, Hashable {
        /// One of `=`, `!=`, `<`, `<=`, `>`, `>=`, or `*` (any version).
        public let comparator: String
        /// The version compared against.
        public let version: Version
    }

    /// The versioning scheme (`generic`, `semver`, `npm`, …).
    public let scheme: String
    /// The constraints sorted by version.
    public let constraints: [Constraint]

    /// Parses a `vers:` string; nil when it is not one.
    public init?(_ text: String) {
        guard text.hasPrefix("vers:"), let slash = text.firstIndex(of: "/") else { return nil }
        scheme = String(text[text.index(text.startIndex, offsetBy: 5)..<slash]).lowercased()
        let body = text[text.index(after: slash)...].filter { $0 != " " }
        guard !body.isEmpty else { return nil }
        var parsed: [Constraint] = []
        for item in body.split(separator: "|") {
            if item == "*" {
                parsed.append(Constraint(comparator: "*", version: Version("")))
                continue
            }
            let comparator = ["<=", ">=", "!=", "<", ">", "="].first { item.hasPrefix($0) } ?? "="
            let versionText = item.hasPrefix(comparator) ? item.dropFirst(comparator.count) : item[...]
            guard !versionText.isEmpty else { return nil }
            parsed.append(Constraint(comparator: comparator, version: Version(String(versionText))))
        }
        let semantic = scheme == "semver" || scheme == "npm"
        constraints = parsed.sorted { Version.compare($0.version, $1.version, semantic: semantic) < 0 }
    }

    /// True when `candidate` is inside the range.
    public func contains(_ candidate: Version) -> Bool {
        let semantic = scheme == "semver" || scheme == "npm"
        func cmp(_ a: Version, _ b: Version) -> Int { Version.compare(a, b, semantic: semantic) }
        if constraints.contains(where: { $0.comparator == "*" }) { return true }
        for constraint in constraints where cmp(candidate, constraint.version) == 0 {
            if ["=", ">=", "<="].contains(constraint.comparator) { return true }
            if constraint.comparator == "!=" { return false }
        }
        let bounds = constraints.filter { $0.comparator != "=" && $0.comparator != "!=" }
        guard !bounds.isEmpty else { return false }
        for (index, current) in bounds.enumerated() {
            let isLower = current.comparator == ">" || current.comparator == ">="
            if index == 0 && !isLower && cmp(candidate, current.version) < 0 { return true }
            if index == bounds.count - 1 && isLower && cmp(candidate, current.version) > 0 { return true }
            if isLower, index + 1 < bounds.count {
                let next = bounds[index + 1]
                let nextIsUpper = next.comparator == "<" || next.comparator == "<="
                if nextIsUpper && cmp(candidate, current.version) > 0 && cmp(candidate, next.version) < 0 { return true }
            }
        }
        return false
    }
}
