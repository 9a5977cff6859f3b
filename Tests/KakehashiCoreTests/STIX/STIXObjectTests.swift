import Foundation
import Testing
@testable import KakehashiCore

@Suite("STIXObject keeps the object and extracts the hub's fields")
struct STIXObjectTests {
    let validator = STIXValidator()

    /// Microseconds since 1970 computed by Foundation, independently of STIXTimestamp.
    func foundationMicros(_ text: String) throws -> Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(formatter.date(from: text))
        return Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    @Test func extractsIndicatorFields() throws {
        let object = try validator.object(from: STIXFixtures.first("indicator"))
        #expect(object.type == "indicator")
        #expect(object.category == .domainObject)
        #expect(!object.isCustomType)
        #expect(object.id.hasPrefix("indicator--"))
        #expect(object.specVersion == "2.1")
        #expect(object.created?.text == "2026-04-01T09:30:00.000Z")
        #expect(object.created?.microsecondsSinceEpoch == (try foundationMicros("2026-04-01T09:30:00.000Z")))
        #expect(object.modified?.microsecondsSinceEpoch == (try foundationMicros("2026-04-02T10:00:00.000Z")))
        #expect(object.version == object.modified)
        #expect(object.createdByRef?.hasPrefix("identity--") == true)
        #expect(object.tlp == .amber)
        #expect(object.otherMarkingRefs.isEmpty)
        #expect(object.redRecipients.isEmpty)
    }

    @Test func observablesAndMarkingsAreUnversioned() throws {
        let address = try validator.object(from: STIXFixtures.first("ipv4-addr"))
        #expect(address.category == .cyberObservable)
        #expect(address.created == nil && address.modified == nil && address.version == nil)
        let marking = try validator.object(from: STIXFixtures.first("marking-definition"))
        #expect(marking.category == .markingDefinition)
        #expect(marking.created != nil && marking.modified == nil)
    }

    @Test func picksTheMostRestrictiveTLPAndKeepsOtherMarkings() throws {
        var value = try STIXFixtures.first("indicator")
        let statement = "marking-definition--" + "3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111"
        value["object_marking_refs"] = [
            .string(TLPLevel.green.markingDefinitionID), .string(statement),
            .string(try #require(TLPLevel.red.tlp1MarkingDefinitionID)), .string(TLPLevel.amberStrict.markingDefinitionID),
        ]
        let object = try validator.object(from: value)
        #expect(object.tlp == .red)
        #expect(object.otherMarkingRefs == [statement])
    }

    @Test func unmarkedObjectsHaveNoTLP() throws {
        var value = try STIXFixtures.first("indicator")
        value["object_marking_refs"] = nil
        #expect(try validator.object(from: value).tlp == nil)
    }

    @Test func keepsCustomPropertiesAndExactNumbers() throws {
        let objects = try STIXFixtures.objects("sdo-sro-meta-bundle.json")
        let unicode = try #require(objects.first { $0["x_kakehashi_big"] != nil })
        let object = try validator.object(from: unicode)
        let text = object.json.serialized()
        #expect(text.contains(#""x_kakehashi_big":12345678901234567890"#))
        #expect(text.contains(#""x_kakehashi_float":0.1"#))
        #expect(object.created?.text == "2026-04-01T09:30:00.123456Z")
        #expect(object.created?.microsecondsSinceEpoch == (try foundationMicros("2026-04-01T09:30:00.000Z")) + 123_456)
        let widget = try validator.object(from: try #require(objects.first { $0["type"]?.stringValue == "x-acme-widget" }))
        #expect(widget.isCustomType)
        #expect(widget.json["x_acme_meta"]?["deep"]?["k"] == .some(.null))
    }

    @Test func everyValidFixtureRoundTripsThroughText() throws {
        for file in STIXFixtures.validFiles {
            for value in try STIXFixtures.objects(file) {
                let object = try validator.object(from: value)
                let reparsed = try JSONValue.parse(object.json.serialized())
                #expect(reparsed == value, "\(object.id) changed in a round trip")
                #expect(try validator.object(from: reparsed) == object)
            }
        }
    }

    @Test func rejectsNonObjectsAndReportsWhere() throws {
        #expect(throws: STIXValidationError.self) { try validator.object(from: [1, 2]) }
        var value = try STIXFixtures.first("indicator")
        value["confidence"] = 101
        do {
            _ = try validator.object(from: value)
            Issue.record("accepted confidence 101")
        } catch {
            let issue = try #require(error.errors.first)
            #expect(issue.objectID == value["id"]?.stringValue)
            #expect(issue.path == "confidence")
            #expect(issue.rule == .propertyValue)
            #expect(issue.description.contains("confidence: [property-value]"))
        }
    }

    @Test func parsesFromJSONBytesAndReportsJSONErrors() throws {
        let bytes = Array(try STIXFixtures.first("indicator").serialized().utf8)
        #expect(try validator.object(fromJSON: bytes).type == "indicator")
        #expect(throws: JSONParseError.self) { try validator.object(fromJSON: Array("{\"type\":".utf8)) }
    }
}
