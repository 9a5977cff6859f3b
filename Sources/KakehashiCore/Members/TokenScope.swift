/// What an API token may be used for.
public enum TokenScope: String, Sendable, Codable, CaseIterable {
    /// Read shared information (TAXII GET, REST reads).
    case read
    /// Publish or change shared information (TAXII POST/DELETE).
    case write
    /// File incident reports.
    case report
    /// Manage members and tokens.
    case admin

    /// Parses a comma-separated list such as `read,write`.
    /// - Throws: ``MemberValidationError`` naming the unknown scope.
    public static func parseList(_ text: String) throws -> Set<TokenScope> {
        var scopes = Set<TokenScope>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let scope = TokenScope(rawValue: name) else {
                throw MemberValidationError(field: "scopes", message: "unknown scope '\(name)'; expected one of read, write, report, admin")
            }
            scopes.insert(scope)
        }
        guard !scopes.isEmpty else {
            throw MemberValidationError(field: "scopes", message: "at least one scope is required (read, write, report, admin)")
        }
        return scopes
    }
}
