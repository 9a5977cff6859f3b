/// STIX 2.1 §7: marking-definition, language-content and extension-definition.
extension STIXSchemas {
    static let extensionTypes: Set<String> = [
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension",
    ]

    static let metaObjects: [STIXTypeSchema] = [
        STIXTypeSchema("marking-definition", .markingDefinition, properties: MarkingDefinitionRules.properties,
                       constraints: [.custom(MarkingDefinitionRules.check)]),
        STIXTypeSchema("language-content", .languageContent, required: ["object_ref", "contents"], properties: [
            "object_ref": .identifier(.notTypes(["bundle", "language-content"])), "object_modified": .timestamp,
            "contents": .custom(LanguageContentRule.contents),
        ]),
        STIXTypeSchema("extension-definition", .extensionDefinition,
                       required: ["name", "schema", "version", "extension_types"], properties: [
            "name": .string, "description": .string, "schema": .string, "version": .string,
            "extension_types": .list(.oneOf(extensionTypes)), "extension_properties": .strings,
        ], constraints: [.custom { members, path, context in
            let types = members["extension_types"]?.arrayValue ?? []
            if members["extension_properties"] != nil && !types.contains(.string("toplevel-property-extension")) {
                context.error(.propertyCombination, JSONPathText.member(path, "extension_properties"),
                              "extension_properties is only allowed with extension type toplevel-property-extension")
            }
        }]),
    ]
}

/// `language-content.contents`: language codes mapping to translated properties.
enum LanguageContentRule {
    @Sendable static func contents(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let languages) = value else { return }
        for (code, translation) in languages {
            let languagePath = JSONPathText.member(path(), code)
            if !STIXLanguageCodes.isKnown(code) {
                context.error(.language, languagePath, "'\(code)' must be an RFC 5646 language code")
            }
            guard case .object(let properties) = translation else { continue }
            for name in properties.keys where !PropertyNames.isSpecName(name) {
                context.error(.propertyName, JSONPathText.member(languagePath, name), "'\(name)' is not a valid property name")
            }
        }
    }
}
