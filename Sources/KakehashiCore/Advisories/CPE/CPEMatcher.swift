/// The CPE 2.3 name-matching algorithm of NISTIR 7696.
///
/// An advisory's CPE (the source, often with ANY or wildcards) applies to a registered item's CPE (the
/// target) when ``CPEMatcher/matches(source:target:)`` is true, that is the name relation is
/// `CPE_SUPERSET` or `CPE_EQUAL`.
public enum CPEMatcher {
    /// Compares each attribute of `source` with the same attribute of `target`.
    public static func attributeRelations(source: CPEName, target: CPEName) -> [CPEAttributeRelation] {
        zip(source.values, target.values).map { compare(source: $0, target: $1) }
    }

    /// The name relation between `source` and `target`.
    public static func relation(source: CPEName, target: CPEName) -> CPENameRelation {
        let relations = attributeRelations(source: source, target: target)
        if relations.contains(.disjoint) { return .disjoint }
        if relations.allSatisfy({ $0 == .equal }) { return .equal }
        if relations.allSatisfy({ $0 == .superset || $0 == .equal }) { return .superset }
        if relations.allSatisfy({ $0 == .subset || $0 == .equal }) { return .subset }
        return .none
    }

    /// True when `source` denotes a set containing `target` (CPE_SUPERSET or CPE_EQUAL).
    public static func matches(source: CPEName, target: CPEName) -> Bool {
        for (sourceValue, targetValue) in zip(source.values, target.values) {
            let relation = compare(source: sourceValue, target: targetValue)
            if relation != .superset && relation != .equal { return false }
        }
        return true
    }

    /// Attribute comparison (NISTIR 7696 Table 6-2 and `compare_strings`), case-insensitive.
    public static func compare(source: CPEValue, target: CPEValue) -> CPEAttributeRelation {
        if case .string(let targetString) = target, targetString.hasWildcards { return .undefined }
        switch (source, target) {
        case (.any, .any), (.na, .na): return .equal
        case (.any, _): return .superset
        case (_, .any): return .subset
        case (.na, _), (_, .na): return .disjoint
        case (.string(let sourceString), .string(let targetString)):
            if sourceString.folded == targetString.folded { return .equal }
            return compareStrings(source: sourceString.folded, target: targetString.folded)
        }
    }

    /// Wildcard match of a source string against a literal target. A leading/trailing `*` takes any
    /// number of characters; a run of n `?` takes at most n, as in the standard's pseudo-code.
    static func compareStrings(source: [CPEString.Token], target: [CPEString.Token]) -> CPEAttributeRelation {
        var body = source[...]
        var begins = 0, ends = 0  // -1 means unbounded (`*`)
        if body.first == .anySequence {
            begins = -1
            body = body.dropFirst()
        } else {
            while body.first == .oneCharacter {
                begins += 1
                body = body.dropFirst()
            }
        }
        if body.last == .anySequence {
            ends = -1
            body = body.dropLast()
        } else {
            while body.last == .oneCharacter {
                ends += 1
                body = body.dropLast()
            }
        }
        let needle = Array(body)
        guard needle.count <= target.count else { return .disjoint }
        var start = 0
        while start + needle.count <= target.count {
            if begins != -1 && start > begins { break }
            if target[start..<(start + needle.count)].elementsEqual(needle) {
                let leftover = target.count - start - needle.count
                if leftover == 0 || ends == -1 || leftover <= ends { return .superset }
            }
            start += 1
        }
        return .disjoint
    }
}
