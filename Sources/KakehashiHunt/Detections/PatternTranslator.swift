import Foundation

/// Turns a STIX pattern into the exact values a sensor can look for, or says why it cannot.
///
/// Only patterns whose meaning is "any of these values was seen" translate: comparisons with `=`,
/// `IN` or (for addresses) `ISSUBSET`, joined by `OR`, on the object paths below. Anything that needs
/// two observations (`AND`, `FOLLOWEDBY` between brackets), two properties of one object (`AND` inside
/// brackets), a time window or repetition (qualifiers), a negation, a range or a regular expression
/// has no exact equivalent in a list, and is refused with the reason.
///
/// | path | kind |
/// |---|---|
/// | `ipv4-addr:value`, `ipv6-addr:value` | address, or subnet for a CIDR |
/// | `domain-name:value` | domain |
/// | `url:value` | url |
/// | `file:hashes.MD5` / `'SHA-1'` / `'SHA-256'` | md5, sha1, sha256 |
/// | `email-addr:value` | email |
/// | `file:name` | file name |
public enum PatternTranslator {
    /// One translated value.
    public struct Value: Sendable, Hashable {
        public var kind: DetectionKind
        public var value: String

        public init(kind: DetectionKind, value: String) {
            self.kind = kind
            self.value = value
        }
    }

    /// The values `pattern` stands for (in source order, without repeats), or why it has none.
    public static func translate(_ pattern: String, patternType: String = "stix") -> Result<[Value], Untranslatable> {
        guard patternType == "stix" else {
            return .failure(Untranslatable("pattern_type '\(patternType)' is not a STIX pattern"))
        }
        let parsed: Pattern
        do {
            parsed = try Pattern(parsing: pattern)
        } catch {
            return .failure(Untranslatable("the pattern does not parse: \(error)"))
        }
        do {
            var values: [Value] = []
            try collect(parsed.root, into: &values)
            var seen = Set<Value>()
            values = values.filter { seen.insert($0).inserted }
            guard !values.isEmpty else { return .failure(Untranslatable("the pattern names no value")) }
            return .success(values)
        } catch let error as Untranslatable {
            return .failure(error)
        } catch {
            return .failure(Untranslatable("\(error)"))
        }
    }

    private static func collect(_ expression: ObservationExpression, into values: inout [Value]) throws {
        switch expression {
        case .observation(let comparisons):
            try collect(comparisons, into: &values)
        case .or(let lhs, let rhs):
            try collect(lhs, into: &values)
            try collect(rhs, into: &values)
        case .grouped(let inner):
            try collect(inner, into: &values)
        case .and:
            throw Untranslatable("AND between observations (two objects must both be seen) has no equivalent in a list")
        case .followedBy:
            throw Untranslatable("FOLLOWEDBY (an order of observations) has no equivalent in a list")
        case .qualified(_, let qualifier):
            switch qualifier {
            case .within: throw Untranslatable("WITHIN (a time window) has no equivalent in a list")
            case .repeats: throw Untranslatable("REPEATS (a count of observations) has no equivalent in a list")
            case .startStop: throw Untranslatable("START … STOP (a time window) has no equivalent in a list")
            }
        }
    }

    private static func collect(_ expression: ComparisonExpression, into values: inout [Value]) throws {
        switch expression {
        case .comparison(let comparison):
            values += try translate(comparison)
        case .or(let lhs, let rhs):
            try collect(lhs, into: &values)
            try collect(rhs, into: &values)
        case .and:
            throw Untranslatable("AND inside an observation (two properties of one object) has no equivalent in a list")
        }
    }

    private static func translate(_ comparison: Comparison) throws -> [Value] {
        let path = comparison.path
        let where_ = "\(path.objectType):\(path.steps.map(Self.stepText).joined(separator: "."))"
        guard !comparison.negated else { throw Untranslatable("\(where_): a negated comparison has no equivalent in a list") }
        guard let kindOf = Self.kind(of: path) else {
            throw Untranslatable("\(where_): this object path has no equivalent in a detection list")
        }
        let texts: [String]
        switch comparison.op {
        case .equal(.string(let text)):
            texts = [text]
        case .isIn(let constants):
            texts = try constants.map { constant in
                guard case .string(let text) = constant else { throw Untranslatable("\(where_): IN holds a value that is not a string") }
                return text
            }
        case .isSubset(let text) where path.objectType == "ipv4-addr" || path.objectType == "ipv6-addr":
            guard text.contains("/") else { throw Untranslatable("\(where_): ISSUBSET '\(text)' is not a CIDR block") }
            texts = [text]
        case .equal:
            throw Untranslatable("\(where_): = compares with a value that is not a string")
        default:
            throw Untranslatable("\(where_): only =, IN and (for addresses) ISSUBSET name exact values")
        }
        return try texts.map { try kindOf($0, where_) }
    }

    private static func stepText(_ step: PathStep) -> String {
        switch step {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        case .anyIndex: "[*]"
        }
    }

    /// How a value on `path` becomes an entry, or `nil` for a path with no entry kind.
    private static func kind(of path: ObjectPath) -> ((String, String) throws -> Value)? {
        let keys = path.steps.map { step -> String? in if case .key(let key) = step { key } else { nil } }
        guard !keys.contains(nil) else { return nil }
        let names = keys.compactMap { $0 }
        if path.objectType == "file", names.count == 2, names[0] == "hashes" {
            return hashKind(algorithm: names[1])
        }
        switch (path.objectType, names.joined(separator: ".")) {
        case ("ipv4-addr", "value"), ("ipv6-addr", "value"):
            let family: DetectionAddress.Family = path.objectType == "ipv4-addr" ? .v4 : .v6
            return { text, where_ in
                guard let address = DetectionAddress.parse(text), address.family == family else {
                    throw Untranslatable("\(where_): '\(text)' is not an \(family == .v4 ? "IPv4" : "IPv6") address or CIDR block in canonical form")
                }
                return Value(kind: address.isSingle ? .address : .subnet, value: address.text)
            }
        case ("domain-name", "value"):
            return { text, where_ in
                var name = text.lowercased()
                if name.hasSuffix(".") { name.removeLast() }
                let labels = name.split(separator: ".", omittingEmptySubsequences: false)
                guard !name.isEmpty, name.utf8.count <= 253,
                      labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 && $0.utf8.allSatisfy(Self.isHostByte) }) else {
                    throw Untranslatable("\(where_): '\(text)' is not a domain name (ASCII letters, digits, hyphens; an IDN in its xn-- form)")
                }
                return Value(kind: .domain, value: name)
            }
        case ("url", "value"):
            return { text, where_ in
                let lower = text.lowercased()
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                    throw Untranslatable("\(where_): '\(text)' is not an http(s) URL of printable ASCII")
                }
                return Value(kind: .url, value: text)
            }
        case ("email-addr", "value"):
            return { text, where_ in
                guard text.contains("@"), !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
                    throw Untranslatable("\(where_): '\(text)' is not an e-mail address")
                }
                return Value(kind: .email, value: text)
            }
        case ("file", "name"):
            return { text, where_ in
                guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                    throw Untranslatable("\(where_): a file name with control characters has no safe list form")
                }
                return Value(kind: .fileName, value: text)
            }
        default:
            return nil
        }
    }

    private static func hashKind(algorithm: String) -> ((String, String) throws -> Value)? {
        let normalised = algorithm.uppercased().replacingOccurrences(of: "-", with: "")
        let kinds: [String: (DetectionKind, Int)] = ["MD5": (.md5, 32), "SHA1": (.sha1, 40), "SHA256": (.sha256, 64)]
        guard let (kind, length) = kinds[normalised] else { return nil }
        return { text, where_ in
            let hex = text.lowercased()
            guard hex.utf8.count == length, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw Untranslatable("\(where_): '\(text)' is not a \(algorithm) hash (\(length) hexadecimal digits)")
            }
            return Value(kind: kind, value: hex)
        }
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
    }
}

/// Why an indicator is not in a pack: it was refused, not lost.
public struct Untranslatable: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
