/// The `extensions` property (STIX 2.1 §7.3): keys are extension-definition ids or `…-ext` names,
/// values are non-empty objects; definition-based ones say their `extension_type`.
enum ExtensionsCheck {
    static func check(_ value: JSONValue, schema: STIXTypeSchema?, category: STIXObjectCategory, path: PathBuilder,
                      in context: inout ValidationContext) {
        guard case .object(let extensions) = value else {
            return context.error(value.isNull ? .nullValue : .propertyType, path(), "extensions must be a dictionary, not \(value.kindName)")
        }
        if extensions.isEmpty { context.error(.extensionDefinition, path(), "extensions must not be empty") }
        for (key, body) in extensions {
            let bodyPath = JSONPathText.member(path(), key)
            let isDefinition = key.hasPrefix("extension-definition--") && STIXIdentifier(key) != nil
            let isNamed = !isDefinition && category != .markingDefinition && PropertyNames.isExtensionName(key)
            guard isDefinition || isNamed else {
                context.error(.extensionDefinition, bodyPath,
                              "'\(key)' is neither an extension-definition id nor a predefined extension name ending in -ext")
                continue
            }
            guard case .object(let members) = body else {
                context.error(.propertyType, bodyPath, "an extension must be an object, not \(body.kindName)")
                continue
            }
            if members.isEmpty { context.error(.extensionDefinition, bodyPath, "an extension must not be empty") }
            for (name, member) in members {
                let memberPath = JSONPathText.member(bodyPath, name)
                if !PropertyNames.isAcceptedName(name) {
                    context.error(.propertyName, memberPath, "'\(name)' is not a valid property name")
                }
                DictionaryCheck.checkValue(member, { memberPath }, &context)
                ObjectChecker.checkEncodedName(name, member, { memberPath }, in: &context)
            }
            if isDefinition {
                checkExtensionType(members["extension_type"], path: bodyPath, in: &context)
                if key == KakehashiRecipientsExtension.definitionID {
                    KakehashiRecipientsExtension.check(members, path: bodyPath, in: &context)
                }
            } else if let rule = schema?.predefinedExtensions[key] {
                rule.check(members, at: bodyPath, in: &context)
            }
        }
    }

    private static func checkExtensionType(_ value: JSONValue?, path: String, in context: inout ValidationContext) {
        guard let value else {
            return context.error(.extensionDefinition, path, "an extension defined by an extension-definition needs 'extension_type'")
        }
        guard let type = value.stringValue, STIXSchemas.extensionTypes.contains(type) else {
            return context.error(.extensionDefinition, JSONPathText.member(path, "extension_type"),
                                 "must be one of: \(STIXSchemas.extensionTypes.sorted().joined(separator: ", "))")
        }
    }
}
