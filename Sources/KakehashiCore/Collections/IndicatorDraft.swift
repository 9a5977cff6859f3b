import Foundation

/// An indicator as a person enters it on the page: a value of a known kind with its context in
/// English and/or Japanese. ``stixObjects(now:)`` turns it into STIX 2.1: the indicator, and a
/// `language-content` object carrying the Japanese text when there is any.
public struct IndicatorDraft: Sendable, Equatable {
    public var kind: IncidentIndicatorType
    public var value: String
    public var nameEn: String
    public var nameJa: String
    public var descriptionEn: String
    public var descriptionJa: String
    public var tlp: TLPLevel
    /// STIX identity ids of the organisations that may see a TLP:RED indicator besides its producer.
    public var redRecipients: [String]

    public init(kind: IncidentIndicatorType, value: String, nameEn: String = "", nameJa: String = "", descriptionEn: String = "", descriptionJa: String = "", tlp: TLPLevel = .amber, redRecipients: [String] = []) {
        self.kind = kind
        self.value = value
        self.nameEn = nameEn
        self.nameJa = nameJa
        self.descriptionEn = descriptionEn
        self.descriptionJa = descriptionJa
        self.tlp = tlp
        self.redRecipients = redRecipients
    }

    /// Problems a person can fix, by form field.
    public func problems() -> [String: String] {
        var problems: [String: String] = [:]
        if (try? IncidentIndicator(type: kind, value: value)) == nil { problems["value"] = "invalid-value" }
        if nameEn.trimmingCharacters(in: .whitespaces).isEmpty && nameJa.trimmingCharacters(in: .whitespaces).isEmpty {
            problems["name"] = "name-required"
        }
        return problems
    }

    /// The STIX objects for this draft.
    /// - Throws: ``ReportValidationError`` when the value does not fit its kind.
    public func stixObjects(now: Date = Date(), id: UUID = UUID()) throws -> [JSONValue] {
        let indicator = try IncidentIndicator(type: kind, value: value)
        let timestamp = MicrosTimestamp.format(now.micros)
        let indicatorID = "indicator--\(id.uuidString.lowercased())"
        let english = nameEn.trimmingCharacters(in: .whitespaces)
        var members: [String: JSONValue] = [
            "type": "indicator", "spec_version": "2.1", "id": .string(indicatorID),
            "created": .string(timestamp), "modified": .string(timestamp),
            "name": .string(english.isEmpty ? nameJa : english),
            "indicator_types": ["malicious-activity"],
            "pattern": .string(STIXPatternText.pattern(for: indicator)), "pattern_type": "stix",
            "valid_from": .string(timestamp),
            "object_marking_refs": [.string(tlp.markingDefinitionID)],
        ]
        let descriptionEnglish = descriptionEn.trimmingCharacters(in: .whitespacesAndNewlines)
        if !descriptionEnglish.isEmpty { members["description"] = .string(descriptionEnglish) }
        if tlp == .red && !redRecipients.isEmpty {
            members["extensions"] = [KakehashiRecipientsExtension.definitionID: [
                "extension_type": "property-extension",
                KakehashiRecipientsExtension.recipientsProperty: .array(redRecipients.map(JSONValue.string)),
            ]]
        }
        var objects: [JSONValue] = [.object(members)]
        var japanese: [String: JSONValue] = [:]
        if !nameJa.trimmingCharacters(in: .whitespaces).isEmpty { japanese["name"] = .string(nameJa) }
        let descriptionJapanese = descriptionJa.trimmingCharacters(in: .whitespacesAndNewlines)
        if !descriptionJapanese.isEmpty { japanese["description"] = .string(descriptionJapanese) }
        if !japanese.isEmpty {
            objects.append([
                "type": "language-content", "spec_version": "2.1",
                "id": .string("language-content--\(NameBasedUUID.v5String(name: indicatorID + "/ja"))"),
                "created": .string(timestamp), "modified": .string(timestamp),
                "object_ref": .string(indicatorID), "object_modified": .string(timestamp),
                "contents": ["ja": .object(japanese)],
                "object_marking_refs": [.string(tlp.markingDefinitionID)],
            ])
        }
        return objects
    }
}
