/// The hub's own property extension naming who, besides the producer, may see a TLP:RED object.
///
/// An object carries it as
/// ```json
/// "extensions": {
///   "extension-definition--0a8b8638-ab36-46eb-9478-13a10c99d18d": {
///     "extension_type": "property-extension",
///     "recipients": ["identity--…", "identity--…"]
///   }
/// }
/// ```
/// ``definition`` is the `extension-definition` object the server publishes so that other tools
/// can recognise the extension.
public enum KakehashiRecipientsExtension {
    /// The extension definition's id (a fixed, random UUIDv4).
    public static let definitionID = "extension-definition--0a8b8638-ab36-46eb-9478-13a10c99d18d"

    /// The identity of the hub itself, creator of the extension definition.
    public static let hubIdentityID = "identity--5fc3e4f0-cbee-4e34-9246-68655c4a2434"

    /// The property inside the extension that lists the recipients.
    public static let recipientsProperty = "recipients"

    static let published = "2026-11-26T00:00:00.000Z"

    /// The `extension-definition` object to publish (a valid STIX 2.1 object).
    public static let definition: JSONValue = [
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": .string(definitionID),
        "created_by_ref": .string(hubIdentityID),
        "created": .string(published),
        "modified": .string(published),
        "name": "Kakehashi TLP:RED recipients",
        "description": "Names the organisations, besides the producer, allowed to see an object marked TLP:RED.",
        "schema": """
            Property extension. Members: extension_type (string, "property-extension"); recipients (list of \
            identity identifiers, identity--UUID, at least one): the organisations besides the object's producer \
            (created_by_ref) that may receive the object while it is marked TLP:RED.
            """,
        "version": "1.0.0",
        "extension_types": ["property-extension"],
    ]

    /// The hub's `identity` object, referenced by ``definition``'s `created_by_ref`.
    public static let hubIdentity: JSONValue = [
        "type": "identity",
        "spec_version": "2.1",
        "id": .string(hubIdentityID),
        "created": .string(published),
        "modified": .string(published),
        "name": "Kakehashi",
        "identity_class": "system",
    ]

    /// The recipients an object names, or `[]` when it does not carry the extension.
    /// Call on validated objects; malformed entries are skipped.
    public static func recipients(in object: JSONValue) -> [String] {
        guard case .array(let items) = object["extensions"]?[definitionID]?[recipientsProperty] else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// Validation: `extension_type` must be `property-extension`; `recipients` a non-empty list of identity ids.
    static func check(_ members: [String: JSONValue], path: String, in context: inout ValidationContext) {
        if let type = members["extension_type"]?.stringValue, type != "property-extension" {
            context.error(.extensionDefinition, JSONPathText.member(path, "extension_type"),
                          "the recipients extension is a property-extension, not '\(type)'")
        }
        guard let recipients = members[recipientsProperty] else {
            return context.error(.requiredProperty, path, "the recipients extension needs 'recipients'")
        }
        PropertyRule.refs(["identity"]).check(recipients, at: { JSONPathText.member(path, recipientsProperty) }, in: &context)
    }
}
