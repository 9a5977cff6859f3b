/// The common properties of each category (`core.json`, `cyber-observable-core.json`).
enum CommonProperties {
    /// SDOs, SROs, language-content and extension-definition.
    static let versioned: [String: PropertyRule] = [
        "spec_version": .oneOf(["2.0", "2.1"]),
        "id": .identifier(.any),
        "created_by_ref": .custom(createdByRef),
        "labels": .list(.string),
        "created": .timestampMillis,
        "modified": .timestampMillis,
        "revoked": .boolean,
        "confidence": .integer(0...100),
        "lang": .custom(language),
        "external_references": .list(.object(NestedRules.externalReference)),
        "object_marking_refs": .list(.custom(markingRef)),
        "granular_markings": .list(.object(NestedRules.granularMarking)),
    ]

    /// The common property rules of `category` (none for marking definitions, which have their own table).
    static func table(for category: STIXObjectCategory) -> [String: PropertyRule] {
        switch category {
        case .cyberObservable: observable
        case .markingDefinition: [:]
        default: versioned
        }
    }

    /// The names every object of `category` must have, besides `type`.
    static func required(for category: STIXObjectCategory) -> [String] {
        category.isVersioned ? ["spec_version", "id", "created", "modified"] : ["id"]
    }

    /// Tables for types without a schema (custom types).
    static let customTables: [STIXObjectCategory: PropertyTable] = [
        .domainObject: PropertyTable(versioned, required: required(for: .domainObject)),
        .cyberObservable: PropertyTable(observable, required: required(for: .cyberObservable)),
    ]

    /// Properties every SDO/SRO must have.
    static let versionedRequired = ["type", "spec_version", "id", "created", "modified"]

    /// SCOs.
    static let observable: [String: PropertyRule] = [
        "spec_version": .oneOf(["2.0", "2.1"]),
        "id": .identifier(.any),
        "object_marking_refs": .list(.custom(markingRef)),
        "granular_markings": .list(.object(NestedRules.granularMarking)),
        "defanged": .boolean,
        // Not SCO properties, but stix2-validator's MUST checks apply to any object that has them.
        "lang": .custom(language),
        "created": .custom(looseTimestamp),
        "modified": .custom(looseTimestamp),
    ]

    /// Names no object may use (`core.json`'s `not: anyOf required`).
    static let reserved: Set<String> = ["severity", "action", "username", "phone_numbers"]

    /// `lang`: a string, and (stix2-validator MUST) a known RFC 5646 code.
    @Sendable static func language(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .string(let code) = value else {
            return context.error(.propertyType, path(), "must be a language code string, not \(value.kindName)")
        }
        if !STIXLanguageCodes.isKnown(code) {
            context.error(.language, path(), "'\(code)' is not a valid RFC 5646 language code")
        }
    }

    /// `created`/`modified` where they are not STIX properties (SCOs): stix2-validator still rejects
    /// non-strings and impossible dates, but not other malformed text.
    @Sendable static func looseTimestamp(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .string(let text) = value else {
            return context.error(.propertyType, path(), "must be a timestamp string, not \(value.kindName)")
        }
        if case .failure(.calendar) = STIXTimestamp.parse(text) {
            context.error(.timestampFormat, path(), "'\(text)' is not a real date and time")
        }
    }

    /// `created_by_ref`: an identifier (error); the spec wants an identity (warning).
    @Sendable static func createdByRef(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        if let identifier = IdentifierCheck.check(value, .any, path, &context), identifier.type != "identity" {
            context.warning(.referenceType, path(), "'\(identifier.rawValue)' should refer to an identity")
        }
    }

    /// `object_marking_refs` items: identifiers (error); the spec wants marking definitions (warning).
    @Sendable static func markingRef(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        if let identifier = IdentifierCheck.check(value, .any, path, &context), identifier.type != "marking-definition" {
            context.warning(.referenceType, path(), "'\(identifier.rawValue)' should refer to a marking-definition")
        }
    }
}
