import KakehashiPrimitives

/// A value selected by an object path, typed as the reference matcher's Python values are.
///
/// JSON values pass through unchanged, except that properties named `*_hex` or `*_bin` become
/// bytes.
enum MatchValue: Sendable {
    case json(JSONValue)
    case bytes([UInt8])
}

/// A pattern literal converted to the type the reference matcher compares with.
enum LiteralValue: Sendable, Hashable {
    case int(Int64)
    /// An integer beyond 64 bits, approximated by a double (a documented gap).
    case bigInt(Double)
    case float(Double)
    case string(String)
    case bool(Bool)
    case timestamp(Int64)
    case bytes([UInt8])

    /// The Python type name, for homogeneity checks of `IN` sets.
    var typeName: String {
        switch self {
        case .int, .bigInt: "int"
        case .float: "float"
        case .string: "str"
        case .bool: "bool"
        case .timestamp: "datetime"
        case .bytes: "bytes"
        }
    }

    var isNumber: Bool {
        switch self {
        case .int, .bigInt, .float: true
        default: false
        }
    }

    init(_ constant: Constant) throws(MatcherError) {
        switch constant {
        case .string(let value): self = .string(value)
        case .integer(let value): self = .int(value)
        case .bigInteger(let text): self = .bigInt(Double(text) ?? 0)
        case .float(let value): self = .float(value)
        case .boolean(let value): self = .bool(value)
        case .hex(let bytes), .binary(let bytes): self = .bytes(bytes)
        case .timestamp(let timestamp):
            guard let micros = timestamp.microsecondsSinceEpoch else {
                throw MatcherError(.invalidPattern, "Invalid TimestampLiteral: \(timestamp)")
            }
            self = .timestamp(micros)
        }
    }
}

/// Python's numeric view of a value: `bool`, `int` and `float` compare with each other.
enum Numeric {
    case int(Int64)
    case float(Double)

    /// Three-way comparison with Python's exact int/float semantics; `nil` for NaN.
    static func compare(_ lhs: Numeric, _ rhs: Numeric) -> Int? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.float(let a), .float(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.int(let a), .float(let b)): return compareIntToDouble(a, b)
        case (.float(let a), .int(let b)): return compareIntToDouble(b, a).map { -$0 }
        }
    }

    private static func compareIntToDouble(_ a: Int64, _ b: Double) -> Int? {
        if b.isNaN { return nil }
        if b >= 9_223_372_036_854_775_808.0 { return -1 }
        if b < -9_223_372_036_854_775_808.0 { return 1 }
        let truncated = Int64(b.rounded(.towardZero))
        if a != truncated { return a < truncated ? -1 : 1 }
        let fraction = b - b.rounded(.towardZero)
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }
}
