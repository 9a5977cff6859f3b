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
