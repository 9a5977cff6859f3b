import Testing
@testable import KakehashiCore

@Suite("TLP:RED recipients extension and TLP 2.0 marking objects")
struct KakehashiRecipientsExtensionTests {
    let validator = STIXValidator()
    let peer = "identity--c8f2a5de-4d0b-4a57-9a36-0e7f1f7b2a10"

    func redIncident(recipients: JSONValue, type: JSONValue = "property-extension") -> JSONValue {
        [
            "type": "incident", "spec_version": "2.1", "id": "incident--7b0e4f7a-0c8e-4b7b-8f3e-2a9d5c6e1f20",
            "created": "2026-04-01T00:00:00.000Z", "modified": "2026-04-01T00:00:00.000Z", "name": "Historian beaconing",
            "created_by_ref": "identity--5a7c3e2b-1d4f-4e6a-8b9c-0d1e2f3a4b5c",
            "object_marking_refs": [.string(TLPLevel.red.markingDefinitionID)],
            "extensions": [KakehashiRecipientsExtension.definitionID: ["extension_type": type, "recipients": recipients]],
        ]
    }

    @Test func publishedObjectsAreValidSTIX() throws {
        let definition = try validator.object(from: KakehashiRecipientsExtension.definition)
        #expect(definition.category == .extensionDefinition)
        #expect(definition.id == KakehashiRecipientsExtension.definitionID)
        #expect(definition.createdByRef == KakehashiRecipientsExtension.hubIdentityID)
        #expect(STIXIdentifier(definition.id)?.uuidVersion == 4)
        #expect(definition.json["extension_types"] == ["property-extension"])
        #expect(definition.json["name"] == "Kakehashi TLP:RED recipients")
        #expect(try validator.object(from: KakehashiRecipientsExtension.hubIdentity).type == "identity")
    }

    @Test func extractsRecipients() throws {
        let object = try validator.object(from: redIncident(recipients: [.string(peer)]))
        #expect(object.tlp == .red)
        #expect(object.redRecipients == [peer])
    }

    @Test(arguments: [
        (JSONValue.array(["indicator--7b0e4f7a-0c8e-4b7b-8f3e-2a9d5c6e1f20"]), "recipients[0]", STIXRule.referenceType),
        (JSONValue.array(["not an id"]), "recipients[0]", STIXRule.identifierFormat),
        (JSONValue.string("identity--c8f2a5de-4d0b-4a57-9a36-0e7f1f7b2a10"), "recipients", STIXRule.propertyType),
    ])
    func rejectsRecipientsThatAreNotIdentities(recipients: JSONValue, pathSuffix: String, rule: STIXRule) {
        let errors = validator.issues(in: redIncident(recipients: recipients)).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.rule == rule)
        #expect(errors.first?.path.hasSuffix(pathSuffix) == true)
    }

    @Test func requiresRecipientsAndThePropertyExtensionType() {
        var missing = redIncident(recipients: [])
        missing["extensions"] = [KakehashiRecipientsExtension.definitionID: ["extension_type": "property-extension"]]
        #expect(validator.issues(in: missing).contains { $0.message.contains("needs 'recipients'") })
        let wrongType = redIncident(recipients: [.string(peer)], type: "new-sdo")
        #expect(validator.issues(in: wrongType).contains { $0.rule == .extensionDefinition && $0.severity == .error })
    }

    @Test(arguments: TLPLevel.allCases)
    func tlp2MarkingDefinitionsAreValidAndMapBack(level: TLPLevel) throws {
        let object = try validator.object(from: TLPMarkingDefinitions.object(for: level))
        #expect(object.category == .markingDefinition)
        #expect(TLPLevel(markingDefinitionID: object.id) == level)
        #expect(object.json["name"]?.stringValue == level.displayName)
        #expect(object.json["extensions"]?[TLPMarkingDefinitions.extensionDefinitionID]?["tlp_2_0"]?.stringValue == level.rawValue)
    }
}
