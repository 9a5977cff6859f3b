/// One problem found in a STIX object: which object, where in it, which rule, and why.
public struct STIXValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Errors make an object invalid; warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Whether the object is rejected for it.
    public let severity: Severity
    /// The object's `id` as written, or `nil` when it has none that is a string.
    public let objectID: String?
    /// Where in the object, as a JSON path (`kill_chain_phases[0].phase_name`); empty for the object itself.
    public let path: String
    /// Which rule was broken.
    public let rule: STIXRule
    /// What was wrong, in English.
    public let message: String

    /// Creates an issue.
    public init(severity: Severity, objectID: String?, path: String, rule: STIXRule, message: String) {
        self.severity = severity
        self.objectID = objectID
        self.path = path
        self.rule = rule
        self.message = message
    }

    /// `indicator--…: valid_from: [timestamp-format] …`
    public var description: String {
        var text = objectID ?? "(object without id)"
        if !path.isEmpty { text += ": " + path }
        return text + ": [\(rule.rawValue)] " + message
    }
}
