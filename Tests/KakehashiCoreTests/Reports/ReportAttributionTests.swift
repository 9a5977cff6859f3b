import Foundation
import Testing
import KakehashiCore

/// Decoding a member's report for the hub: the reporter is the member's organisation, whatever the JSON says.
@Suite("Report attribution")
struct ReportAttributionTests {
    static let member = Reporter(organizationID: "org-sakura-rail", organizationName: "さくら旅客鉄道", sectors: ["railway"])

    static func decode(_ json: String, attributed: Bool = true) throws -> IncidentReport {
        let decoder = attributed ? ReportCoding.makeDecoder(attributedTo: member) : ReportCoding.makeDecoder()
        return try decoder.decode(IncidentReport.self, from: Data(json.utf8))
    }

    static let times = #""times": {"detected": "2026-11-26T01:00:00Z", "becameAware": "2026-11-26T01:30:00.250Z", "timeZone": "Asia/Tokyo"}"#

    @Test("without a reporter, the report is the member's")
    func absentReporter() throws {
        let report = try Self.decode(#"{"category": "ransomware", \#(Self.times)}"#)
        let null = try Self.decode(#"{"category": "ransomware", "reporter": null, \#(Self.times)}"#)

        #expect(report.reporter == Self.member)
        #expect(null.reporter == Self.member)
    }

    @Test("the body's organisation id is ignored; its name, sectors and designations are kept")
    func givenReporter() throws {
        let report = try Self.decode(#"{"category": "ddos", "reporter": {"organizationID": "org-someone-else", "sectors": ["aviation"], "designations": ["jp-critical-infrastructure-operator"]}, \#(Self.times)}"#)

        #expect(report.reporter.organizationID == "org-sakura-rail")
        #expect(report.reporter.organizationName == "さくら旅客鉄道")
        #expect(report.reporter.sectors == ["aviation"])
        #expect(report.reporter.designations == ["jp-critical-infrastructure-operator"])
    }

    @Test("without attribution a reporter and its id stay required")
    func unattributedNeedsReporter() throws {
        #expect(throws: DecodingError.self) { try Self.decode(#"{"category": "ransomware", \#(Self.times)}"#, attributed: false) }
        #expect(throws: DecodingError.self) { try Self.decode(#"{"category": "ransomware", "reporter": {"sectors": []}, \#(Self.times)}"#, attributed: false) }
    }

    @Test("a reporter that is not an object is an error, not silently replaced")
    func malformedReporter() throws {
        #expect(throws: DecodingError.self) { try Self.decode(#"{"category": "ransomware", "reporter": 5, \#(Self.times)}"#) }
    }
}
