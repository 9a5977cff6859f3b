/// An advisory document that was rejected: which document, where in it (a JSON path such as
/// `$.vulnerabilities[0].scores[1].cvss_v3.vectorString`) and the rule it broke.
public struct AdvisoryFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document's name as the caller gave it (a file name or URL).
    public let document: String
    /// The JSON path of the offending value (`$` for the document as a whole).
    public let path: String
    /// The rule that was broken, in words.
    public let rule: String

    /// Creates an error.
    public init(document: String, path: String, rule: String) {
        self.document = document
        self.path = path
        self.rule = rule
    }

    public var description: String { "\(document): \(path): \(rule)" }
}
