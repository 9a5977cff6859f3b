/// A SemVer 2.0 version: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
public struct SemanticVersion: Sendable, Hashable {
    /// Major, minor and patch as digit strings without leading zeros.
    public let core: [String]
    /// Dot-separated pre-release identifiers (empty for a release).
    public let preRelease: [String]
    /// Build metadata, which does not take part in ordering.
    public let build: String?

    /// Parses `text`; nil when it is not a valid semantic version.
    public init?(_ text: String) {
        var rest = Substring(text)
        if let plus = rest.firstIndex(of: "+") {
            build = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
        } else {
            build = nil
        }
        var pre: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            pre = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard pre.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }) else {
                return nil
            }
            rest = rest[..<dash]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        core = parts.map { part in
            let trimmed = part.drop { $0 == "0" }
            return trimmed.isEmpty ? "0" : String(trimmed)
        }
        preRelease = pre
    }

    /// SemVer precedence: negative, zero or positive.
    public static func compare(_ lhs: SemanticVersion, _ rhs: SemanticVersion) -> Int {
        for (a, b) in zip(lhs.core, rhs.core) {
            let order = Version.compareDigits(a, b)
            if order != 0 { return order }
        }
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for (a, b) in zip(lhs.preRelease, rhs.preRelease) {
            let aNumeric = a.allSatisfy { $0.isASCII && $0.isNumber }
            let bNumeric = b.allSatisfy { $0.isASCII && $0.isNumber }
            let order: Int
            switch (aNumeric, bNumeric) {
            case (true, true): order = Version.compareDigits(String(a.drop { $0 == "0" }), String(b.drop { $0 == "0" }))
            case (true, false): order = -1
            case (false, true): order = 1
            case (false, false): order = a == b ? 0 : (a < b ? -1 : 1)
            }
            if order != 0 { return order }
        }
        return lhs.preRelease.count == rhs.preRelease.count ? 0 : (lhs.preRelease.count < rhs.preRelease.count ? -1 : 1)
    }
}
