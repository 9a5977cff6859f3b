extension PropertyRule {
    /// A string from an open vocabulary.
    static func vocab(_ vocabulary: STIXVocabulary) -> PropertyRule {
        .vocabulary(name: vocabulary.name, values: vocabulary.values)
    }

    /// A list of strings from an open vocabulary.
    static func vocabList(_ vocabulary: STIXVocabulary) -> PropertyRule { .list(.vocab(vocabulary)) }

    /// A list of identifiers of the given types.
    static func refs(_ types: Set<String>) -> PropertyRule { .list(.identifier(.types(types))) }

    static let strings: PropertyRule = .list(.string)
    static let killChainPhases: PropertyRule = .list(.object(NestedRules.killChainPhase))
}

/// STIX 2.1 §4: the nineteen domain objects, as `sdos/*.json` describe them.
extension STIXSchemas {
    static let domainObjects: [STIXTypeSchema] = [
        STIXTypeSchema("attack-pattern", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "aliases": .list(.string, minimumOne: false),
            "kill_chain_phases": .killChainPhases,
        ]),
        STIXTypeSchema("campaign", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "aliases": .strings, "first_seen": .timestamp,
            "last_seen": .timestamp, "objective": .string,
        ], constraints: [TimestampOrder.constraint("last_seen", atLeast: "first_seen")]),
        STIXTypeSchema("course-of-action", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string,
        ]),
        STIXTypeSchema("grouping", .domainObject, required: ["context", "object_refs"], properties: [
            "name": .string, "description": .string, "context": .vocab(.groupingContext),
            "object_refs": .list(.identifier(.any)),
        ]),
        STIXTypeSchema("identity", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "roles": .strings, "identity_class": .vocab(.identityClass),
            "sectors": .vocabList(.industrySector), "contact_information": .string,
        ]),
        // stix2-validator's incident schema has only name and description; kill_chain_phases is left
        // unchecked (as a custom property would be) to agree with it.
        STIXTypeSchema("incident", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string,
        ]),
        STIXTypeSchema("indicator", .domainObject, required: ["pattern", "pattern_type", "valid_from"], properties: [
            "name": .string, "description": .string, "indicator_types": .vocabList(.indicatorType),
            "pattern": .string, "pattern_type": .vocab(.patternType), "pattern_version": .string,
            "valid_from": .timestamp, "valid_until": .timestamp, "kill_chain_phases": .killChainPhases,
        ], constraints: [TimestampOrder.constraint("valid_until", after: "valid_from"), .custom(PatternRule.check)]),
        STIXTypeSchema("infrastructure", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "infrastructure_types": .vocabList(.infrastructureType),
            "aliases": .strings, "kill_chain_phases": .killChainPhases, "first_seen": .timestamp, "last_seen": .timestamp,
        ], constraints: [TimestampOrder.constraint("last_seen", atLeast: "first_seen")]),
        STIXTypeSchema("intrusion-set", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "aliases": .strings, "first_seen": .timestamp,
            "last_seen": .timestamp, "goals": .strings, "resource_level": .vocab(.attackResourceLevel),
            "primary_motivation": .vocab(.attackMotivation), "secondary_motivations": .vocabList(.attackMotivation),
        ], constraints: [TimestampOrder.constraint("last_seen", atLeast: "first_seen")]),
        STIXTypeSchema("location", .domainObject, properties: [
            "name": .string, "description": .string, "latitude": .number(-90...90), "longitude": .number(-180...180),
            "precision": .number(), "region": .vocab(.region), "country": .string, "administrative_area": .string,
            "city": .string, "street_address": .string, "postal_code": .string,
        ], constraints: [.custom(LocationRule.check)]),
        STIXTypeSchema("malware", .domainObject, required: ["is_family"], properties: [
            "name": .string, "description": .string, "malware_types": .vocabList(.malwareType), "is_family": .boolean,
            "aliases": .strings, "kill_chain_phases": .killChainPhases, "first_seen": .timestamp, "last_seen": .timestamp,
            "operating_system_refs": .refs(["software"]),
            "architecture_execution_envs": .vocabList(.processorArchitecture),
            "implementation_languages": .vocabList(.implementationLanguage),
            "capabilities": .vocabList(.malwareCapabilities), "sample_refs": .strings,
        ], constraints: [
            TimestampOrder.constraint("last_seen", atLeast: "first_seen"),
            .custom { members, path, context in
                if members["is_family"]?.boolValue == true && members["name"] == nil {
                    context.error(.requiredProperty, path, "a malware family (is_family true) needs a 'name'")
                }
            },
        ]),
        STIXTypeSchema("malware-analysis", .domainObject, required: ["product"], properties: [
            "product": .string, "version": .string, "host_vm_ref": .identifier(.types(["software"])),
            "operating_system_ref": .identifier(.types(["software"])), "installed_software_refs": .refs(["software"]),
            "configuration_version": .string, "modules": .strings, "analysis_engine_version": .string,
            "analysis_definition_version": .string, "submitted": .timestamp, "analysis_started": .timestamp,
            "analysis_ended": .timestamp, "result_name": .string, "result": .vocab(.malwareResult),
            "analysis_sco_refs": .list(.identifier(.any)),
            "sample_ref": .identifier(.types(["artifact", "file", "network-traffic"])),
        ], constraints: [.atLeastOne(["result", "analysis_sco_refs"])]),
        STIXTypeSchema("note", .domainObject, required: ["content", "object_refs"], properties: [
            "abstract": .string, "content": .string, "authors": .strings, "object_refs": .list(.identifier(.any)),
        ]),
        STIXTypeSchema("observed-data", .domainObject, required: ["first_observed", "last_observed", "number_observed"],
                       properties: [
            "first_observed": .timestamp, "last_observed": .timestamp, "number_observed": .integer(1...999_999_999),
            "objects": .custom(ObservedDataRule.checkObjects), "object_refs": .list(.custom(ObservedDataRule.checkObjectRef)),
        ], constraints: [
            TimestampOrder.constraint("last_observed", atLeast: "first_observed"), .custom(ObservedDataRule.checkExclusive),
        ]),
        STIXTypeSchema("opinion", .domainObject, required: ["object_refs", "opinion"], properties: [
            "explanation": .string, "authors": .strings, "object_refs": .list(.identifier(.any)),
            "opinion": .oneOf(["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]),
        ]),
        STIXTypeSchema("report", .domainObject, required: ["name", "object_refs", "published"], properties: [
            "name": .string, "description": .string, "report_types": .vocabList(.reportType),
            "published": .timestamp, "object_refs": .list(.identifier(.any)),
        ]),
        STIXTypeSchema("threat-actor", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "threat_actor_types": .vocabList(.threatActorType),
            "aliases": .strings, "first_seen": .timestamp, "last_seen": .timestamp, "roles": .vocabList(.threatActorRole),
            "goals": .strings, "sophistication": .vocab(.threatActorSophistication),
            "resource_level": .vocab(.attackResourceLevel), "primary_motivation": .vocab(.attackMotivation),
            "secondary_motivations": .vocabList(.attackMotivation), "personal_motivations": .vocabList(.attackMotivation),
        ], constraints: [TimestampOrder.constraint("last_seen", atLeast: "first_seen")]),
        STIXTypeSchema("tool", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string, "tool_types": .vocabList(.toolType), "aliases": .strings,
            "kill_chain_phases": .killChainPhases, "tool_version": .string,
        ]),
        STIXTypeSchema("vulnerability", .domainObject, required: ["name"], properties: [
            "name": .string, "description": .string,
        ]),
    ]
}
