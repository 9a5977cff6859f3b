/// Thrown when a STIX object or bundle is rejected: every error found, plus the warnings.
public struct STIXValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// All issues of severity `.error` (at least one).
    public let errors: [STIXValidationIssue]
    /// Issues of severity `.warning` found along the way.
    public let warnings: [STIXValidationIssue]

    /// Creates an error from a list of issues, splitting them by severity.
    public init(issues: [STIXValidationIssue]) {
        errors = issues.filter { $0.severity == .error }
        warnings = issues.filter { $0.severity == .warning }
    }

    public var description: String {
        let lines = errors.map(\.description)
        return "invalid STIX (\(errors.count) error\(errors.count == 1 ? "" : "s")): " + lines.joined(separator: "; ")
    }
}
