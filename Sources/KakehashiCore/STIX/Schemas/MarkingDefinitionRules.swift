/// `marking-definition` (STIX 2.1 §7.2): statement markings, the four TLP 1.0 markings exactly as
/// published, and extension-based markings such as TLP 2.0.
enum MarkingDefinitionRules {
    static let properties: [String: PropertyRule] = [
        "spec_version": .oneOf(["2.0", "2.1"]), "id": .identifier(.types(["marking-definition"])), "name": .string,
        "created_by_ref": .identifier(.any), "created": .timestamp,
        "external_references": .list(.object(NestedRules.externalReference)),
        "object_marking_refs": .list(.identifier(.types(["marking-definition"]))),
        "granular_markings": .list(.object(NestedRules.granularMarking)),
        "definition_type": .string,
        "lang": .custom(CommonProperties.language),
        "modified": .custom(CommonProperties.looseTimestamp),
    ]

    /// The TLP 1.0 marking definitions (STIX 2.1 §7.2.1.4): id → (name, `definition.tlp`).
    static let tlp1: [String: (name: String, color: String)] = [
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": ("TLP:WHITE", "white"),
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": ("TLP:GREEN", "green"),
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": ("TLP:AMBER", "amber"),
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": ("TLP:RED", "red"),
    ]

    @Sendable static func check(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        for name in ["type", "spec_version", "created"] where members[name] == nil {
            context.error(.requiredProperty, path, "missing required property '\(name)'")
        }
        if let id = members["id"]?.stringValue, let refs = members["object_marking_refs"]?.arrayValue, refs.contains(.string(id)) {
            context.error(.marking, JSONPathText.member(path, "object_marking_refs"), "a marking definition must not mark itself")
        }
        if let id = members["id"]?.stringValue, let markings = members["granular_markings"]?.arrayValue,
           markings.contains(where: { $0["marking_ref"]?.stringValue == id }) {
            context.error(.marking, JSONPathText.member(path, "granular_markings"), "a marking definition must not mark itself")
        }
        let definitionType = members["definition_type"]?.stringValue
        if definitionType == "tlp" { return checkTLP1(members, path, &context) }
        if definitionType == "statement" {
            guard case .object(let definition) = members["definition"] else {
                return context.error(.requiredProperty, JSONPathText.member(path, "definition"),
                                     "a statement marking needs a definition object with a 'statement' string")
            }
            if definition["statement"]?.stringValue == nil {
                context.error(.requiredProperty, JSONPathText.member(path, "definition"), "a statement marking needs a 'statement' string")
            }
            return
        }
        if let definition = members["definition"], definition.objectValue == nil {
            context.error(.propertyType, JSONPathText.member(path, "definition"), "must be an object, not \(definition.kindName)")
        }
        if members["extensions"] == nil && (members["definition"] == nil || members["definition_type"] == nil) {
            context.error(.requiredProperty, path, "a marking definition without extensions needs definition_type and definition")
        }
    }

    /// TLP 1.0 markings must be the published objects, property for property.
    private static func checkTLP1(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        guard let id = members["id"]?.stringValue, let expected = tlp1[id] else {
            return context.error(.marking, JSONPathText.member(path, "id"), "a TLP 1.0 marking must use one of the four published TLP ids")
        }
        if members["name"]?.stringValue != expected.name {
            context.error(.marking, JSONPathText.member(path, "name"), "must be '\(expected.name)'")
        }
        let definition = members["definition"]
        if definition?.objectValue == nil || (definition?["tlp"] != nil && definition?["tlp"]?.stringValue != expected.color) {
            context.error(.marking, JSONPathText.member(path, "definition"), "must be {\"tlp\": \"\(expected.color)\"}")
        }
        if members["created"]?.stringValue != "2017-01-20T00:00:00.000Z" {
            context.error(.marking, JSONPathText.member(path, "created"), "must be 2017-01-20T00:00:00.000Z")
        }
        if members["spec_version"]?.stringValue != "2.1" {
            context.error(.specVersion, JSONPathText.member(path, "spec_version"), "must be '2.1'")
        }
        let allowed: Set<String> = ["type", "id", "spec_version", "name", "created", "definition", "definition_type"]
        for name in members.keys where !allowed.contains(name) {
            context.error(.propertyName, JSONPathText.member(path, name), "a TLP 1.0 marking must not have '\(name)'")
        }
    }
}
