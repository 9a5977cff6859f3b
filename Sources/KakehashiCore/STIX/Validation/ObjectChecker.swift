/// Checks one STIX object's members: identity, common properties, type rules, custom properties.
enum ObjectChecker {
    /// Checks a top-level object (not a bundle).
    static func check(_ members: [String: JSONValue], patternChecker: STIXPatternChecker?) -> [STIXValidationIssue] {
        var context = ValidationContext(objectID: members["id"]?.stringValue, patternChecker: patternChecker)
        guard case .string(let type) = members["type"] else {
            context.error(members["type"] == nil ? .requiredProperty : .propertyType, "type",
                          members["type"] == nil ? "missing required property 'type'" : "must be a string")
            return context.issues
        }
        let schema = STIXSchemas.byType[type]
        let category = schema?.category ?? inferredCategory(members)
        checkBody(members, type: type, schema: schema, category: category, path: "", in: &context)
        return context.issues
    }

    /// A type without a schema is a custom SDO when it is versioned, else a custom SCO.
    static func inferredCategory(_ members: [String: JSONValue]) -> STIXObjectCategory {
        members["created"] != nil || members["modified"] != nil ? .domainObject : .cyberObservable
    }

    static func checkBody(_ members: [String: JSONValue], type: String, schema: STIXTypeSchema?,
                          category: STIXObjectCategory, path: String, in context: inout ValidationContext) {
        if schema == nil && !PropertyNames.isValidType(type) {
            context.error(.typeName, JSONPathText.member(path, "type"),
                          "'\(type)' is not a valid type name (3-250 characters: lowercase letters, digits, single hyphens; starting with a letter)")
        }
        checkID(members["id"], type: type, path: path, in: &context)
        let table = schema?.table ?? CommonProperties.customTables[category]
            ?? PropertyTable(CommonProperties.table(for: category), required: CommonProperties.required(for: category))
        let isMarking = category == .markingDefinition
        var seen: UInt64 = 0
        for (name, value) in members {
            switch name {
            case "type":
                continue
            case "id":  // checked by checkID
                seen |= table.lookup(name)?.requiredBit ?? 0
                continue
            case "extensions":
                ExtensionsCheck.check(value, schema: schema, category: category, path: { JSONPathText.member(path, name) },
                                      in: &context)
                continue
            default:
                break
            }
            func memberPath() -> String { JSONPathText.member(path, name) }
            if let entry = table.lookup(name) {
                seen |= entry.requiredBit
                // Known names always pass the name rules; properties.json still forbids null and [].
                if !isMarking && !checkPresentValue(value, memberPath, in: &context) { continue }
                entry.rule.check(value, at: memberPath, in: &context)
            } else if !isMarking {
                checkCustomName(name, memberPath, in: &context)
                if checkPresentValue(value, memberPath, in: &context) {
                    checkEncodedName(name, value, memberPath, in: &context)
                }
            }
        }
        let missing = table.missing(seen: seen) + table.requiredWithoutRule.filter { members[$0] == nil }
        for name in missing {
            context.error(.requiredProperty, path, "missing required property '\(name)'")
        }
        if let version = members["spec_version"]?.stringValue, version == "2.0" {
            context.error(.specVersion, JSONPathText.member(path, "spec_version"), "this hub accepts STIX 2.1 objects only, not '\(version)'")
        }
        TimestampOrder.check(members, "modified", "created", strictly: false, path, &context)
        for constraint in schema?.constraints ?? [] { constraint.check(members, at: path, in: &context) }
        GranularMarkingCheck.checkSelectors(members, path: path, in: &context)
    }

    /// `properties.json` name rules for a property without a rule: accepted names, no reserved names;
    /// the specification's stricter name pattern is a warning.
    private static func checkCustomName(_ name: String, _ path: PathBuilder, in context: inout ValidationContext) {
        if !PropertyNames.isAcceptedName(name) {
            context.error(.propertyName, path(), "'\(name)' is not a valid property name (lowercase letters, digits and '_', at least 3 characters)")
        } else if !PropertyNames.isSpecName(name) {
            context.warning(.propertyName, path(), "custom property name '\(name)' should match ^[a-z0-9_]{3,250}$")
        }
        if CommonProperties.reserved.contains(name) {
            context.error(.reservedProperty, path(), "'\(name)' is reserved by STIX and must not be used")
        }
    }

    /// `properties.json` value rule: no `null`, no `[]`. Returns false when the value needs no further checks.
    private static func checkPresentValue(_ value: JSONValue, _ path: PathBuilder, in context: inout ValidationContext) -> Bool {
        switch value {
        case .null:
            context.error(.nullValue, path(), "null properties are not allowed in STIX")
            return false
        case .array(let items) where items.isEmpty:
            context.error(.emptyList, path(), "must not be an empty list")
            return false
        default:
            return true
        }
    }

    /// Custom `*_bin` and `*_hex` properties must hold base64 and hex.
    static func checkEncodedName(_ name: String, _ value: JSONValue, _ path: PathBuilder, in context: inout ValidationContext) {
        guard STIXIdentifier.isLower(name.utf8.first ?? 0) else { return }
        if name.hasSuffix("_bin") {
            PropertyRule.format(.base64).check(value, at: path, in: &context)
        } else if name.hasSuffix("_hex") {
            PropertyRule.format(.hex).check(value, at: path, in: &context)
        }
    }

    private static func checkID(_ value: JSONValue?, type: String, path: String, in context: inout ValidationContext) {
        let idPath = JSONPathText.member(path, "id")
        guard let value else { return }  // reported as a missing required property
        guard case .string(let text) = value else { return context.error(.propertyType, idPath, "must be a string") }
        guard let identifier = STIXIdentifier(text) else {
            return context.error(.identifierFormat, idPath, "'\(text)' is not an identifier of the form type--UUID (UUID version 1-5)")
        }
        if identifier.type != type {
            context.error(.identifierType, idPath, "the id's type '\(identifier.type)' differs from the object's type '\(type)'")
        }
    }
}
