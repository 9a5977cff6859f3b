/// A pattern that does not follow the STIX 2.1 pattern grammar or fails validation.
///
/// `offset` counts Unicode scalars from the start of the pattern; `line` and `column` are 1-based
/// and 0-based respectively, like the reference validator's `line 1:12` messages.
public struct PatternSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Offset of the offending token, in Unicode scalars from the start.
    public var offset: Int
    /// 1-based line of the offending token.
    public var line: Int
    /// 0-based column of the offending token within its line.
    public var column: Int
    /// What was wrong, e.g. `expected ']' but found 'AND'`.
    public var message: String
    /// The tokens that would have been accepted at this point (empty for validation errors).
    public var expected: [String]

    /// Creates an error.
    public init(offset: Int, line: Int, column: Int, message: String, expected: [String] = []) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
        self.expected = expected
    }

    /// `line 1:12 (offset 12): expected ']' but found 'AND'`.
    public var description: String {
        "line \(line):\(column) (offset \(offset)): \(message)"
    }
}
