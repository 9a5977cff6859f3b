/// A literal operand in a pattern.
public enum Constant: Sendable, Hashable {
    /// A quoted string, with `\'` and `\\` escapes already resolved.
    case string(String)
    /// An integer that fits in 64 bits.
    case integer(Int64)
    /// An integer too large for 64 bits, kept as its decimal text (sign included).
    case bigInteger(String)
    /// A decimal number such as `-1.5`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// `t'2024-01-01T00:00:00Z'`.
    case timestamp(PatternTimestamp)
    /// `h'…'`: the decoded bytes.
    case hex([UInt8])
    /// `b'…'`: the decoded bytes.
    case binary([UInt8])
}

/// The text of a `t'…'` timestamp literal, e.g. `2024-01-01T00:00:00.5Z`.
///
/// The grammar only checks the shape; whether the date exists (February 30th, second 60) is
/// decided when the value is used (``microsecondsSinceEpoch``).
public struct PatternTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// The text between the quotes.
    public var text: String

    /// Wraps timestamp text.
    public init(text: String) {
        self.text = text
    }

    /// The UTC instant in microseconds since 1970, or `nil` when the date does not exist.
    public var microsecondsSinceEpoch: Int64? {
        STIXTimestamp.parse(text)
    }

    /// The literal as written in a pattern, `t'…'`.
    public var description: String { "t'\(text)'" }
}
