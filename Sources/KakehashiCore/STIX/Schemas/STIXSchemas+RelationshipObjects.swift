/// STIX 2.1 §5: relationship and sighting, as `sros/*.json` describe them.
extension STIXSchemas {
    /// Types an SRO may not point at.
    static let nonLinkableTypes: Set<String> = ["relationship", "sighting", "bundle", "marking-definition", "language-content"]

    static let relationshipObjects: [STIXTypeSchema] = [
        STIXTypeSchema("relationship", .relationshipObject, required: ["relationship_type", "source_ref", "target_ref"],
                       properties: [
            "relationship_type": .format(.relationshipType), "description": .string,
            "source_ref": .identifier(.notTypes(nonLinkableTypes)), "target_ref": .identifier(.notTypes(nonLinkableTypes)),
            "start_time": .timestamp, "stop_time": .timestamp,
        ], constraints: [TimestampOrder.constraint("stop_time", after: "start_time")]),
        STIXTypeSchema("sighting", .relationshipObject, required: ["sighting_of_ref"], properties: [
            "description": .string, "first_seen": .timestamp, "last_seen": .timestamp, "count": .integer(0...999_999_999),
            "sighting_of_ref": .identifier(.notTypes(nonLinkableTypes)), "observed_data_refs": .refs(["observed-data"]),
            "where_sighted_refs": .refs(["identity", "location"]), "summary": .boolean,
        ], constraints: [TimestampOrder.constraint("last_seen", atLeast: "first_seen")]),
    ]
}
