/// A registry CSV that could not be imported, naming the line, the column and the rule broken.
public struct EquipmentCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line where the offending field starts.
    public let line: Int
    /// The column name from the header, or the 1-based column number when there is no name.
    public let column: String
    /// The rule that was broken, in words.
    public let rule: String

    /// Creates an error.
    public init(line: Int, column: String, rule: String) {
        self.line = line
        self.column = column
        self.rule = rule
    }

    public var description: String { "equipment CSV line \(line), column \(column): \(rule)" }
}
