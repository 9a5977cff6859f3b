/// The outcome of validating a bundle: problems of the bundle itself, and a verdict per object.
public struct STIXBundleValidation: Sendable {
    /// The bundle's `id`, if it has a string one.
    public let bundleID: String?
    /// Issues of the bundle envelope (its type, id, `objects` list).
    public let bundleIssues: [STIXValidationIssue]
    /// One result per element of `objects`, in order.
    public let results: [Result<STIXObject, STIXValidationError>]

    /// True when the envelope and every object are valid.
    public var isValid: Bool {
        !bundleIssues.contains { $0.severity == .error } && results.allSatisfy { if case .success = $0 { true } else { false } }
    }

    /// The objects that passed.
    public var validObjects: [STIXObject] { results.compactMap { try? $0.get() } }
}

extension STIXValidator {
    /// Validates a bundle (`type` `bundle`, `id` `bundle--UUID`, `objects` a non-empty list) and each of its objects.
    public func validateBundle(_ value: JSONValue) -> STIXBundleValidation {
        let bundleID = value["id"]?.stringValue
        var context = ValidationContext(objectID: bundleID, patternChecker: nil)
        guard case .object(let members) = value else {
            context.error(.propertyType, "", "a bundle must be a JSON object, not \(value.kindName)")
            return STIXBundleValidation(bundleID: nil, bundleIssues: context.issues, results: [])
        }
        if members["type"]?.stringValue != "bundle" {
            context.error(.propertyValue, "type", "a bundle's type must be 'bundle'")
        }
        PropertyRule.identifier(.types(["bundle"])).check(members["id"] ?? .null, at: { "id" }, in: &context)
        var results: [Result<STIXObject, STIXValidationError>] = []
        if let objects = members["objects"] {
            if case .array(let items) = objects {
                if items.isEmpty { context.error(.emptyList, "objects", "a bundle's objects must not be an empty list") }
                results = self.objects(items)
            } else {
                context.error(.propertyType, "objects", "must be a list, not \(objects.kindName)")
            }
        }
        return STIXBundleValidation(bundleID: bundleID, bundleIssues: context.issues, results: results)
    }
}
