/// The reference matcher's comparison tables (`_COMPARE_EQ_FUNCS`, `_COMPARE_ORDER_FUNCS`) and
/// Python `==` for set membership. Strings compare by Unicode scalars, as Python `str` does.
enum ValueComparison {
    /// The value as a Python number for table lookups (`bool` excluded unless `allowBool`).
    static func numeric(_ value: MatchValue, allowBool: Bool) -> Numeric? {
        guard case .json(let json) = value else { return nil }
        switch json {
        case .number(let number):
            // Python keeps `int` and `float` apart; an integer beyond 64 bits is approximated by a
            // double, as the pattern's own big integer literals are (a documented gap).
            switch number.storage {
            case .integer(let v): return .int(v)
            case .double(let v), .bigInteger(_, let v): return .float(v)
            }
        case .bool(let v) where allowBool: return .int(v ? 1 : 0)
        default: return nil
        }
    }

    static func numeric(_ literal: LiteralValue, allowBool: Bool) -> Numeric? {
        switch literal {
        case .int(let v): .int(v)
        case .bigInt(let v), .float(let v): .float(v)
        case .bool(let v) where allowBool: .int(v ? 1 : 0)
        default: nil
        }
    }

    /// `eq_func(value, literal)` from the equality table; `false` when the table has no entry.
    /// `value` has already been converted to a timestamp when the literal is one.
    static func equal(_ value: MatchValue, timestamp: Int64?, _ literal: LiteralValue) -> Bool {
        if case .timestamp(let t) = literal { return timestamp == t }
        if case .bool(let b) = literal {
            if case .json(.bool(let v)) = value { return v == b }
            return false
        }
        if let lhs = numeric(value, allowBool: false), let rhs = numeric(literal, allowBool: false) {
            return Numeric.compare(lhs, rhs) == 0
        }
        return order(value, literal).map { $0 == 0 } ?? false
    }

    /// `cmp_func(value, literal)` for strings and bytes: negative, zero or positive; `nil` when the
    /// types are not comparable. A string with code points ≥ 256 against bytes is `.some(nil)`
    /// semantics in Python (a ValueError); here it is reported through `binaryStringMismatch`.
    static func order(_ value: MatchValue, _ literal: LiteralValue) -> Int? {
        switch (value, literal) {
        case (.json(.string(let a)), .string(let b)):
            return compareScalars(a.unicodeScalars, b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)):
            return compareBytes(a, b)
        case (.bytes(let a), .string(let b)):
            guard let bBytes = latin1(b) else { return nil }
            return compareBytes(a, bBytes)
        case (.json(.string(let a)), .bytes(let b)):
            guard let aBytes = latin1(a) else { return nil }
            return compareBytes(aBytes, b)
        default:
            return nil
        }
    }

    /// Whether comparing `value` with `literal` hits the bytes/string pair whose string cannot be
    /// read as bytes (the reference raises ValueError there and answers `false` before `NOT`).
    static func isBinaryStringMismatch(_ value: MatchValue, _ literal: LiteralValue) -> Bool {
        switch (value, literal) {
        case (.bytes, .string(let s)): latin1(s) == nil
        case (.json(.string(let s)), .bytes): latin1(s) == nil
        default: false
        }
    }

    /// Python `value == element` for `IN` membership (hashable values only).
    static func pythonEquals(_ value: MatchValue, timestamp: Int64?, _ element: LiteralValue) -> Bool {
        if case .timestamp(let t) = element { return timestamp == t }
        if let lhs = numeric(value, allowBool: true), let rhs = numeric(element, allowBool: true) {
            return Numeric.compare(lhs, rhs) == 0
        }
        switch (value, element) {
        case (.json(.string(let a)), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)): return a == b
        default: return false
        }
    }

    static func latin1(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
    }

    static func compareScalars(_ a: String.UnicodeScalarView, _ b: String.UnicodeScalarView) -> Int {
        var left = a.makeIterator()
        var right = b.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?) where x != y: return x.value < y.value ? -1 : 1
            default: continue
            }
        }
    }
}
