/// The rules for one object type: its category, its own properties, and combinations.
struct STIXTypeSchema: Sendable {
    /// The `type` value.
    let type: String
    let category: STIXObjectCategory
    /// Type-specific properties (the category's common properties are added by the validator).
    let properties: [String: PropertyRule]
    /// Type-specific required properties.
    let required: [String]
    /// Rules about combinations of properties.
    let constraints: [ObjectConstraint]
    /// The category's common properties merged with `properties`, with the category's and the type's
    /// required names, so one lookup finds a property's rule.
    let table: PropertyTable
    /// Predefined extensions this type knows (`ntfs-ext`…), checked in addition to the generic extension rules.
    let predefinedExtensions: [String: NestedObjectRule]

    init(_ type: String, _ category: STIXObjectCategory, required: [String] = [],
         properties: [String: PropertyRule], constraints: [ObjectConstraint] = [],
         extensions: [String: NestedObjectRule] = [:]) {
        self.type = type
        self.category = category
        self.properties = properties
        self.required = required
        self.constraints = constraints
        self.predefinedExtensions = extensions
        self.table = PropertyTable(CommonProperties.table(for: category).merging(properties) { _, specific in specific },
                                   required: CommonProperties.required(for: category) + required)
    }
}

/// Every built-in type's schema, by `type`.
enum STIXSchemas {
    static let byType: [String: STIXTypeSchema] = {
        var table: [String: STIXTypeSchema] = [:]
        for schema in domainObjects + relationshipObjects + cyberObservables + metaObjects {
            table[schema.type] = schema
        }
        return table
    }()

    /// SDO types of STIX 2.1.
    static let domainObjectTypes: Set<String> = Set(domainObjects.map(\.type))
    /// SCO types of STIX 2.1.
    static let observableTypes: Set<String> = Set(cyberObservables.map(\.type))
}
