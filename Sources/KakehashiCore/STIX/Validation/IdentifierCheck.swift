/// Checks of identifiers and references.
enum IdentifierCheck {
    /// An identifier property: well-formed, and of an allowed type (errors). Returns the identifier if well-formed.
    @discardableResult
    static func check(_ value: JSONValue, _ constraint: IdentifierConstraint, _ path: PathBuilder,
                      _ context: inout ValidationContext) -> STIXIdentifier? {
        guard case .string(let text) = value else {
            context.error(value.isNull ? .nullValue : .propertyType, path(),
                          value.isNull ? "must not be null" : "must be an identifier string, not \(value.kindName)")
            return nil
        }
        guard let identifier = STIXIdentifier(text) else {
            context.error(.identifierFormat, path(), "'\(text)' is not an identifier of the form type--UUID (UUID version 1-5)")
            return nil
        }
        switch constraint {
        case .any:
            break
        case .types(let allowed):
            if !allowed.contains(String(identifier.type)) {
                context.error(.referenceType, path(), "'\(text)' must refer to \(describe(allowed)), not \(identifier.type)")
            }
        case .notTypes(let forbidden):
            if forbidden.contains(String(identifier.type)) {
                context.error(.referenceType, path(), "'\(text)' must not refer to a \(identifier.type)")
            }
        }
        return identifier
    }

    /// SCO references: the 2.1 schemas ask only for a string, so anything else is a warning.
    static func warnObservableReference(_ text: String, _ types: [String], _ path: PathBuilder,
                                        _ context: inout ValidationContext) {
        guard let identifier = STIXIdentifier(text) else {
            return context.warning(.identifierFormat, path(), "'\(text)' is not an identifier of the form type--UUID")
        }
        if !types.isEmpty && !types.contains(String(identifier.type)) {
            context.warning(.referenceType, path(), "'\(text)' should refer to \(describe(Set(types))), not \(identifier.type)")
        }
    }

    static func describe(_ types: Set<String>) -> String {
        let sorted = types.sorted()
        if sorted.count == 1 { return "a \(sorted[0])" }
        return "one of " + sorted.joined(separator: ", ")
    }
}
