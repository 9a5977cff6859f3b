/// A member, user or token field that does not hold an acceptable value.
public struct MemberValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field at fault, e.g. `sectors`.
    public var field: String
    /// What was wrong, in words a person can act on.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
