/// A value in a report that does not have the form it must have.
public struct ReportValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path of the field in the report model, e.g. `exploitedCVEs`.
    public var field: String
    /// The offending value.
    public var value: String
    /// What is wrong with it, in English.
    public var reason: String

    /// Creates an error naming the field, the value and what is wrong.
    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String { "\(field): '\(value)' \(reason)" }
}
