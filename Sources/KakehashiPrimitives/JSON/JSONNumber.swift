/// A JSON number that keeps integers exact.
///
/// Integers that fit in `Int64` are stored as `Int64`; other integers keep their literal text
/// (so `18446744073709551616` comes back byte for byte); numbers with a fraction or an exponent
/// are `Double`s. Equality is by value: `1` equals `1.0`.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// How the number is held.
    public enum Storage: Sendable {
        /// An integer that fits in 64 bits.
        case integer(Int64)
        /// A number written with a fraction or exponent.
        case double(Double)
        /// An integer too large for `Int64`: its literal digits (with `-` if negative) and nearest `Double`.
        case bigInteger(text: String, approximation: Double)
    }

    /// The stored form.
    public let storage: Storage

    /// An exact integer.
    public init(_ value: Int64) { storage = .integer(value) }

    /// An exact integer.
    public init(_ value: Int) { storage = .integer(Int64(value)) }

    /// A floating-point number; must be finite (JSON has no NaN or infinity).
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON numbers must be finite")
        storage = .double(value)
    }

    /// An integer literal beyond `Int64`, kept as text.
    init(bigIntegerText text: String) {
        storage = .bigInteger(text: text, approximation: Double(text) ?? 0)
    }

    /// The value as `Int64` if it is an integer in range (including doubles such as `3.0`).
    public var int64Value: Int64? {
        switch storage {
        case .integer(let value): return value
        case .double(let value):
            guard value.rounded(.towardZero) == value, let exact = Int64(exactly: value) else { return nil }
            return exact
        case .bigInteger: return nil
        }
    }

    /// The value as `Double` (nearest value for large integers).
    public var doubleValue: Double {
        switch storage {
        case .integer(let value): Double(value)
        case .double(let value): value
        case .bigInteger(_, let approximation): approximation
        }
    }

    /// True when the number was written without a fraction or exponent.
    public var isInteger: Bool {
        if case .double = storage { return false }
        return true
    }

    /// True for integers and for doubles without a fractional part (`3.0`, `1e3`), as JSON Schema's
    /// `integer` type counts them.
    public var isIntegral: Bool {
        if case .double(let value) = storage { return value.rounded(.towardZero) == value }
        return true
    }

    /// The number as compact JSON text.
    public var description: String {
        switch storage {
        case .integer(let value): String(value)
        case .double(let value): JSONNumber.format(value)
        case .bigInteger(let text, _): text
        }
    }

    /// Swift's shortest round-trip form, which is valid JSON for finite values
    /// (`1.0`, `1e-05`, `1e+20`); `-0.0` stays `-0.0`.
    static func format(_ value: Double) -> String { value.description }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.bigInteger(let a, _), .bigInteger(let b, _)): return a == b
        case (.bigInteger, _), (_, .bigInteger): return false
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)):
            return Int64(exactly: b) == a
        case (.double(let a), .double(let b)): return a == b
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .integer(let value): hasher.combine(value)
        case .double(let value):
            if let exact = Int64(exactly: value) { hasher.combine(exact) } else { hasher.combine(value) }
        case .bigInteger(let text, _): hasher.combine(text)
        }
    }
}
