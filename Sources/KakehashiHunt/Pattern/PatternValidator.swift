/// Validates patterns the way the OASIS reference validator
/// (`stix2patterns.validator.validate(pattern, stix_version='2.1')`) does.
///
/// On top of the grammar (``Pattern/init(parsing:)``) it rejects:
/// - text whose first character after any `(` and whitespace is not `[`;
/// - a hash comparison whose operand does not look like that hash
///   (`file:hashes.MD5 = 'zz'`), for the hash names the reference knows;
/// - the same qualifier kind twice on one bracketed expression
///   (`[…] WITHIN 1 SECONDS WITHIN 2 SECONDS`; on a parenthesised group it is allowed);
/// - negative list indexes and numeric indexes after `hashes` (the reference fails on them).
public enum PatternValidator {
    /// Parses and validates `text`.
    /// - Returns: the parsed pattern.
    /// - Throws: ``PatternSyntaxError`` describing the first problem found.
    @discardableResult
    public static func validate(_ text: String) throws(PatternSyntaxError) -> Pattern {
        let result = try PatternParser.parse(text)
        guard startsWithBracket(text) else {
            throw PatternSyntaxError(offset: 0, line: 1, column: 0, message: "input is missing square brackets")
        }
        var problem: String?
        checkQualifiers(result.pattern.root, problem: &problem)
        for (comparison, operand) in zip(result.pattern.comparisons, result.operandTexts) where problem == nil {
            problem = check(comparison, operandText: operand)
        }
        if let problem {
            throw PatternSyntaxError(offset: 0, line: 1, column: 0, message: problem)
        }
        return result.pattern
    }

    /// Whether `text` is a valid pattern.
    public static func isValid(_ text: String) -> Bool {
        (try? validate(text)) != nil
    }

    private static func startsWithBracket(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar != "(" && !isPythonSpace(scalar) {
            return scalar == "["
        }
        return false
    }

    /// Python's `str.isspace()`.
    private static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    private static func checkQualifiers(_ expression: ObservationExpression, problem: inout String?) {
        switch expression {
        case .observation:
            return
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .followedBy(let lhs, let rhs):
            checkQualifiers(lhs, problem: &problem)
            checkQualifiers(rhs, problem: &problem)
        case .grouped(let inner):
            checkQualifiers(inner, problem: &problem)
        case .qualified:
            var kinds: [String] = []
            var base = expression
            while case .qualified(let inner, let qualifier) = base {
                kinds.append(kindName(qualifier))
                base = inner
            }
            if case .observation = base, let duplicate = kinds.first(where: { kind in kinds.filter { $0 == kind }.count > 1 }) {
                problem = problem ?? "Duplicate qualifier type encountered: \(duplicate)"
            }
            checkQualifiers(base, problem: &problem)
        }
    }

    private static func kindName(_ qualifier: Qualifier) -> String {
        switch qualifier {
        case .within: "WITHIN"
        case .repeats: "REPEATS"
        case .startStop: "STARTSTOP"
        }
    }

    private static func check(_ comparison: Comparison, operandText: String?) -> String? {
        let steps = comparison.path.steps
        if steps.contains(where: { if case .index(let i) = $0 { i < 0 } else { false } }) {
            return "negative list index in \(comparison.path.objectType) path"
        }
        guard let operandText, steps.contains(.key("hashes")), let last = steps.last else { return nil }
        switch last {
        case .anyIndex:
            return nil
        case .index:
            return "hash selector after 'hashes' must be a hash name, not a list index"
        case .key(let name):
            let hashType = name.uppercased().replacingOccurrences("-", "").replacingOccurrences("'", "")
            guard let rule = HashFormat.rules[hashType] else { return nil }
            let value = operandText.replacingOccurrences("'", "")
            return rule(value) ? nil : "'\(value)' is not a valid \(name) hash"
        }
    }
}

private extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
