/// A validated STIX object: the JSON exactly as received, plus the fields the hub indexes.
///
/// ``json`` keeps every property, custom and unknown ones included; serialize it to publish the
/// object (`object.json.serialized()`).
public struct STIXObject: Sendable, Hashable {
    /// The object as received.
    public let json: JSONValue
    /// `id`.
    public let id: String
    /// `type`.
    public let type: String
    /// Which family of objects the type belongs to.
    public let category: STIXObjectCategory
    /// True for types that STIX 2.1 does not define.
    public let isCustomType: Bool
    /// `spec_version`, if present (always `2.1` once validated).
    public let specVersion: String?
    /// `created` (SDOs, SROs, marking definitions, and the like; `nil` for SCOs).
    public let created: STIXTimestamp?
    /// `modified` (`nil` for SCOs and marking definitions).
    public let modified: STIXTimestamp?
    /// `created_by_ref`, if present.
    public let createdByRef: String?
    /// The most restrictive TLP level among `object_marking_refs` (TLP 1.0 or 2.0 ids); `nil` if unmarked.
    public let tlp: TLPLevel?
    /// `object_marking_refs` that are not TLP markings (statements, custom markings), in order.
    public let otherMarkingRefs: [String]
    /// Identities allowed to see the object while it is TLP:RED, from ``KakehashiRecipientsExtension``.
    public let redRecipients: [String]
    /// Warnings found while validating (open vocabularies, recommendations).
    public let warnings: [STIXValidationIssue]

    /// The version key TAXII uses: `modified`, else `created`, else `nil` (SCOs are unversioned).
    public var version: STIXTimestamp? { modified ?? created }

    /// Builds the fields from an object that has passed validation.
    init(validated members: [String: JSONValue], warnings: [STIXValidationIssue]) {
        let json = JSONValue.object(members)
        let type = members["type"]?.stringValue ?? ""
        let schema = STIXSchemas.byType[type]
        self.json = json
        self.id = members["id"]?.stringValue ?? ""
        self.type = type
        self.category = schema?.category ?? ObjectChecker.inferredCategory(members)
        self.isCustomType = schema == nil
        self.specVersion = members["spec_version"]?.stringValue
        self.created = members["created"]?.stringValue.flatMap(STIXTimestamp.init)
        self.modified = category.isVersioned ? members["modified"]?.stringValue.flatMap(STIXTimestamp.init) : nil
        self.createdByRef = members["created_by_ref"]?.stringValue
        var tlp: TLPLevel?
        var others: [String] = []
        for ref in members["object_marking_refs"]?.arrayValue ?? [] {
            guard let text = ref.stringValue else { continue }
            if let level = STIXObject.tlpByMarkingID[text] {
                tlp = max(tlp ?? level, level)
            } else {
                others.append(text)
            }
        }
        self.tlp = tlp
        self.otherMarkingRefs = others
        self.redRecipients = KakehashiRecipientsExtension.recipients(in: json)
        self.warnings = warnings
    }

    /// TLP 1.0 and 2.0 marking-definition ids → level (one hash lookup instead of ten comparisons).
    static let tlpByMarkingID: [String: TLPLevel] = {
        var table: [String: TLPLevel] = [:]
        for level in TLPLevel.allCases {
            table[level.markingDefinitionID] = level
            if let old = level.tlp1MarkingDefinitionID { table[old] = level }
        }
        return table
    }()

    /// The object's members.
    public var members: [String: JSONValue] { json.objectValue ?? [:] }
}
