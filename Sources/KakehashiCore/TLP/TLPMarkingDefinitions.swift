/// The OASIS TLP 2.0 marking-definition objects, as the hub publishes them.
///
/// They follow the OASIS "TLP 2.0" extension (`extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d`):
/// no `definition_type`; the level is the extension's `tlp_2_0` property.
public enum TLPMarkingDefinitions {
    /// The OASIS TLP 2.0 extension definition id.
    public static let extensionDefinitionID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"

    /// The marking-definition object for `level`.
    public static func object(for level: TLPLevel) -> JSONValue {
        [
            "type": "marking-definition",
            "spec_version": "2.1",
            "id": .string(level.markingDefinitionID),
            "created": "2022-10-01T00:00:00.000Z",
            "name": .string(level.displayName),
            "extensions": [
                extensionDefinitionID: [
                    "extension_type": "property-extension",
                    "tlp_2_0": .string(level.rawValue),
                ],
            ],
        ]
    }

    /// All five, from CLEAR to RED.
    public static var all: [JSONValue] { TLPLevel.allCases.map(object(for:)) }
}
