/// Observed data carries either `object_refs` or (deprecated) embedded `objects`, not both.
enum ObservedDataRule {
    @Sendable static func checkExclusive(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        switch (members["objects"] != nil, members["object_refs"] != nil) {
        case (true, true): context.error(.propertyCombination, path, "observed-data must have objects or object_refs, not both")
        case (false, false): context.error(.requiredProperty, path, "observed-data needs object_refs (or the deprecated objects)")
        default: break
        }
    }

    private static let domainTypes = ["attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident",
                                      "indicator", "infrastructure", "intrusion-set", "location", "malware-analysis",
                                      "malware", "note", "observed-data", "opinion", "report", "threat-actor", "tool",
                                      "vulnerability"]

    /// `object_refs` may name SCOs and SROs, never SDOs.
    @Sendable static func checkObjectRef(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .string(let text) = value else {
            return context.error(.propertyType, path(), "must be an identifier string, not \(value.kindName)")
        }
        if let identifier = STIXIdentifier(text), !domainTypes.contains(where: { identifier.type.hasPrefix($0) }) { return }
        let allowedPrefixes = STIXSchemas.observableTypes.map { $0 + "--" } + ["relationship--", "sighting--"]
        if allowedPrefixes.contains(where: text.hasPrefix) { return }
        context.error(.referenceType, path(), "'\(text)' must refer to an SCO or SRO, not a domain object")
    }

    /// Embedded objects: each value is validated as an SCO of its own type.
    @Sendable static func checkObjects(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .object(let members) = value else {
            return context.error(.propertyType, path(), "must be a dictionary of observables, not \(value.kindName)")
        }
        if members.isEmpty { context.error(.propertyValue, path(), "must not be an empty dictionary") }
        for (key, object) in members {
            let objectPath = JSONPathText.member(path(), key)
            guard case .object(let fields) = object else {
                context.error(.propertyType, objectPath, "must be an object, not \(object.kindName)")
                continue
            }
            guard let type = fields["type"]?.stringValue else {
                context.error(.requiredProperty, objectPath, "an observable object needs a 'type'")
                continue
            }
            let schema = STIXSchemas.byType[type]
            if let schema, schema.category != .cyberObservable {
                context.error(.referenceType, objectPath, "'\(type)' is not a cyber-observable type")
                continue
            }
            var nested = ValidationContext(objectID: context.objectID, patternChecker: nil)
            ObjectChecker.checkBody(fields, type: type, schema: schema, category: .cyberObservable, path: objectPath, in: &nested)
            context.append(contentsOf: nested.issues)
        }
    }
}
