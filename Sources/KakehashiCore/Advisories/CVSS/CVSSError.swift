/// A CVSS vector string that could not be parsed, naming the offending metric and the rule it broke.
public struct CVSSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The vector string as given.
    public let vector: String
    /// The metric abbreviation at fault (for example `AV`), or nil when the problem is the vector as a whole.
    public let metric: String?
    /// The rule that was broken, in words.
    public let rule: String

    /// Creates an error for `vector`.
    public init(vector: String, metric: String?, rule: String) {
        self.vector = vector
        self.metric = metric
        self.rule = rule
    }

    public var description: String {
        if let metric {
            return "CVSS vector \"\(vector)\": metric \(metric): \(rule)"
        }
        return "CVSS vector \"\(vector)\": \(rule)"
    }
}
