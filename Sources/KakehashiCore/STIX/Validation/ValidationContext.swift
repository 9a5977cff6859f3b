import Foundation

/// Builds a JSON path only when an issue needs it.
typealias PathBuilder = () -> String

/// Collects the issues found while checking one object.
struct ValidationContext {
    /// The `id` of the object being checked, for messages.
    let objectID: String?
    /// Checks the pattern of an indicator, if the caller supplied a checker.
    let patternChecker: STIXPatternChecker?
    private(set) var issues: [STIXValidationIssue] = []

    init(objectID: String?, patternChecker: STIXPatternChecker?) {
        self.objectID = objectID
        self.patternChecker = patternChecker
    }

    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    mutating func error(_ rule: STIXRule, _ path: String, _ message: String) {
        issues.append(STIXValidationIssue(severity: .error, objectID: objectID, path: path, rule: rule, message: message))
    }

    mutating func warning(_ rule: STIXRule, _ path: String, _ message: String) {
        issues.append(STIXValidationIssue(severity: .warning, objectID: objectID, path: path, rule: rule, message: message))
    }

    mutating func append(contentsOf other: [STIXValidationIssue]) { issues.append(contentsOf: other) }
}

/// JSON path helpers: `a.b`, `a[0]`; keys that are not plain names are quoted (`hashes['SHA-256']`).
enum JSONPathText {
    static func member(_ parent: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "_")
        }
        if plain { return parent.isEmpty ? key : parent + "." + key }
        let quoted = "['" + key.replacingOccurrences(of: "'", with: "\\'") + "']"
        return parent.isEmpty ? "$" + quoted : parent + quoted
    }

    static func element(_ parent: String, _ index: Int) -> String { parent + "[\(index)]" }
}
