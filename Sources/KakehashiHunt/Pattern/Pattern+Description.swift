/// Canonical pattern text: parsing the output gives back an equal AST.
extension Pattern: CustomStringConvertible {
    /// The pattern as STIX pattern text, e.g. `[file:name = 'a.exe'] WITHIN 60 SECONDS`.
    public var description: String { root.description }
}

extension ObservationExpression: CustomStringConvertible {
    /// Operands of a looser operator are parenthesised, so the text re-parses to the same tree.
    public var description: String {
        switch self {
        case .observation(let comparison): "[\(comparison)]"
        case .and(let lhs, let rhs): "\(lhs.wrapped(below: 2)) AND \(rhs.wrapped(below: 3))"
        case .or(let lhs, let rhs): "\(lhs.wrapped(below: 1)) OR \(rhs.wrapped(below: 2))"
        case .followedBy(let lhs, let rhs): "\(lhs.wrapped(below: 0)) FOLLOWEDBY \(rhs.wrapped(below: 1))"
        case .qualified(let inner, let qualifier): "\(inner.wrapped(below: 3)) \(qualifier)"
        case .grouped(let inner): "(\(inner))"
        }
    }

    private var precedence: Int {
        switch self {
        case .followedBy: 0
        case .or: 1
        case .and: 2
        case .observation, .grouped, .qualified: 4
        }
    }

    /// Parenthesises when this binds looser than `minimum` requires.
    private func wrapped(below minimum: Int) -> String {
        precedence >= minimum ? description : "(\(description))"
    }
}

extension Qualifier: CustomStringConvertible {
    public var description: String {
        switch self {
        case .within(let seconds):
            let text = seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
            return "WITHIN \(text) SECONDS"
        case .repeats(let times): return "REPEATS \(times) TIMES"
        case .startStop(let start, let stop): return "START \(start) STOP \(stop)"
        }
    }
}

extension ComparisonExpression: CustomStringConvertible {
    public var description: String {
        switch self {
        case .comparison(let comparison): comparison.description
        case .and(let lhs, let rhs):
            "\(lhs.isOr ? "(\(lhs))" : lhs.description) AND \(rhs.isComparison ? rhs.description : "(\(rhs))")"
        case .or(let lhs, let rhs):
            "\(lhs) OR \(rhs.isOr ? "(\(rhs))" : rhs.description)"
        }
    }

    private var isOr: Bool {
        if case .or = self { true } else { false }
    }

    private var isComparison: Bool {
        if case .comparison = self { true } else { false }
    }
}

extension Comparison: CustomStringConvertible {
    public var description: String {
        let not = negated ? "NOT " : ""
        switch op {
        case .exists: return "\(not)EXISTS \(path)"
        case .equal(let value): return "\(path) \(not)= \(value)"
        case .notEqual(let value): return "\(path) \(not)!= \(value)"
        case .less(let value): return "\(path) \(not)< \(value)"
        case .lessOrEqual(let value): return "\(path) \(not)<= \(value)"
        case .greater(let value): return "\(path) \(not)> \(value)"
        case .greaterOrEqual(let value): return "\(path) \(not)>= \(value)"
        case .isIn(let values): return "\(path) \(not)IN (\(values.map(\.description).joined(separator: ", ")))"
        case .like(let text): return "\(path) \(not)LIKE \(Constant.string(text))"
        case .matches(let text): return "\(path) \(not)MATCHES \(Constant.string(text))"
        case .isSubset(let text): return "\(path) \(not)ISSUBSET \(Constant.string(text))"
        case .isSuperset(let text): return "\(path) \(not)ISSUPERSET \(Constant.string(text))"
        }
    }
}

extension ObjectPath: CustomStringConvertible {
    /// `type:first.second[0]`; names that are not plain identifiers are quoted.
    public var description: String {
        var text = objectType + ":"
        for (position, step) in steps.enumerated() {
            switch step {
            case .key(let name):
                if position > 0 { text += "." }
                text += Self.isPlainIdentifier(name) ? name : Constant.string(name).description
            case .index(let index): text += "[\(index)]"
            case .anyIndex: text += "[*]"
            }
        }
        return text
    }

    private static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, PatternLexer.isIdentifierStart(first.value) else { return false }
        guard name.unicodeScalars.allSatisfy({ PatternLexer.isIdentifierPart($0.value) }) else { return false }
        return PatternToken.Keyword(rawValue: name) == nil && name != "true" && name != "false"
    }
}

extension Constant: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let text):
            var escaped = "'"
            for scalar in text.unicodeScalars {
                if scalar == "'" || scalar == "\\" { escaped += "\\" }
                escaped.unicodeScalars.append(scalar)
            }
            return escaped + "'"
        case .integer(let value): return String(value)
        case .bigInteger(let text): return text
        case .float(let value): return Self.decimal(value)
        case .boolean(let value): return value ? "true" : "false"
        case .timestamp(let timestamp): return timestamp.description
        case .hex(let bytes): return "h'" + bytes.map { Self.hexPair($0) }.joined() + "'"
        case .binary(let bytes): return "b'" + Self.base64(bytes) + "'"
        }
    }

    /// A float literal the grammar accepts (`[0-9]* '.' [0-9]+`, no exponent).
    private static func decimal(_ value: Double) -> String {
        let shortest = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return sign + (shortest.contains(".") ? shortest : shortest + ".0")
        }
        let mantissa = shortest[..<e]
        let exponent = Int(shortest[shortest.index(after: e)...]) ?? 0
        let digits = mantissa.filter { $0 != "." }
        let point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }

    private static func hexPair(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (chunk.count > 1 ? UInt32(chunk[1]) << 8 : 0) | (chunk.count > 2 ? UInt32(chunk[2]) : 0)
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
                } else {
                    output.append("=")
                }
            }
            index += 3
        }
        return output
    }
}
