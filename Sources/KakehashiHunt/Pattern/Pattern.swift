/// A parsed STIX 2.1 pattern: the root of the pattern AST.
///
/// Parse once, then hand the value to ``PatternMatcher`` (or walk it yourself, e.g. to index
/// comparisons). Parsing follows the grammar of the OASIS `stix2-patterns` 2.1 reference exactly;
/// ``PatternValidator`` adds the reference validator's extra checks (hash formats, duplicate
/// qualifiers, leading bracket).
///
/// ```swift
/// let pattern = try Pattern(parsing: "[file:hashes.'SHA-256' = 'aec0…'] WITHIN 300 SECONDS")
/// for comparison in pattern.comparisons { print(comparison.path) }
/// ```
public struct Pattern: Sendable, Hashable {
    /// The top-level observation expression.
    public var root: ObservationExpression

    /// Wraps an already built expression tree.
    public init(root: ObservationExpression) {
        self.root = root
    }

    /// Parses STIX 2.1 pattern text.
    /// - Throws: ``PatternSyntaxError`` with the offset, line, column and expected tokens.
    public init(parsing text: String) throws(PatternSyntaxError) {
        self = try PatternParser.parse(text).pattern
    }

    /// Every comparison of the pattern, in source order.
    public var comparisons: [Comparison] {
        var result: [Comparison] = []
        root.forEachComparison { result.append($0) }
        return result
    }

    /// The object types referenced by the pattern's comparisons, in first-seen order.
    public var objectTypes: [String] {
        var seen = Set<String>()
        return comparisons.compactMap { seen.insert($0.path.objectType).inserted ? $0.path.objectType : nil }
    }
}
