import Foundation
import Testing
@testable import KakehashiCore

/// The report model's own checks: ids, indicators, times and JSON.
@Suite("Report model")
struct ReportModelTests {
    @Test("ATT&CK technique ids", arguments: [("T1486", true), ("T1078.002", true), ("T148", false), ("T14860", false), ("t1486", false), ("T1078.02", false), ("T1078-002", false), ("TA0001", false), ("", false)])
    func techniques(text: String, valid: Bool) {
        #expect(AttackTechniqueID.isWellFormed(text) == valid)
        #expect(((try? AttackTechniqueID(text)) != nil) == valid)
    }

    @Test("CVE ids", arguments: [("CVE-2024-3400", true), ("CVE-2021-44228", true), ("CVE-2024-1234567", true), ("CVE-2024-123", false), ("cve-2024-3400", false), ("CVE-24-3400", false), ("CVE-2024-34a0", false), ("CVE-1998-0001", false), ("CVE-2024-", false)])
    func cves(text: String, valid: Bool) {
        #expect(CVEID.isWellFormed(text) == valid)
    }

    @Test("indicator values are checked against their type", arguments: [
        (IncidentIndicatorType.ipv4, "203.0.113.5", true), (.ipv4, "203.0.113.0/24", true), (.ipv4, "203.0.113.256", false), (.ipv4, "203.0.113", false),
        (.ipv6, "2001:db8::1", true), (.ipv6, "::ffff:192.0.2.1", true), (.ipv6, "2001:db8::1::2", false), (.ipv6, "2001:db8:zz::1", false),
        (.domain, "evil.example.net", true), (.domain, "例え.jp", true), (.domain, "localhost", false), (.domain, "-bad.example", false),
        (.url, "https://evil.example.net/a?b=c", true), (.url, "evil.example.net/a", false),
        (.sha256, String(repeating: "a", count: 64), true), (.sha256, String(repeating: "a", count: 63), false),
        (.md5, String(repeating: "F", count: 32), true), (.sha1, String(repeating: "0", count: 40), true), (.sha1, String(repeating: "g", count: 40), false),
        (.email, "attacker@evil.example.net", true), (.email, "attacker@", false),
    ])
    func indicators(type: IncidentIndicatorType, value: String, valid: Bool) {
        #expect(((try? IncidentIndicator(type: type, value: value)) != nil) == valid)
    }

    @Test("the fixture decodes: instants in UTC, the reporter's zone kept, hashes lower-cased")
    func fixture() throws {
        let report = try ReportTestSupport.fixtureReport("ransomware-railway")

        #expect(report.times.becameAware == (try ReportTestSupport.instant("2026-03-29T00:30:00+09:00")))
        #expect(report.times.timeZone == "Asia/Tokyo")
        #expect(report.indicators.first { $0.type == .sha256 }?.value == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(report.sharing.label(for: .ransom) == .amber)
        #expect(report.sharing.label(for: .indicators) == .green)
        #expect(report.worstServiceState == .down)
    }

    @Test("a report round-trips through JSON unchanged")
    func roundTrip() throws {
        let report = try ReportTestSupport.fixtureReport("ransomware-railway")

        let data = try ReportCoding.makeEncoder().encode(report)
        let again = try ReportCoding.makeDecoder().decode(IncidentReport.self, from: data)

        #expect(again == report)
    }

    @Test("bad values in JSON are refused with the field and the value", arguments: [
        (#""exploitedCVEs": ["CVE-24-1"]"#, "CVE-24-1"),
        (#""attackTechniques": ["T12"]"#, "T12"),
        (#""indicators": [{"type": "ipv4", "value": "999.1.1.1"}]"#, "999.1.1.1"),
        (#""times": {"timeZone": "Tokyo"}"#, "Tokyo"),
    ])
    func badJSON(fragment: String, value: String) throws {
        var base = #"{"reporter": {"organizationID": "o"}, "category": "ddos", "times": {"timeZone": "Asia/Tokyo"}, "#
        if fragment.hasPrefix(#""times""#) { base = #"{"reporter": {"organizationID": "o"}, "category": "ddos", "# }
        let json = Data((base + fragment + "}").utf8)

        let error = #expect(throws: DecodingError.self) { try ReportCoding.makeDecoder().decode(IncidentReport.self, from: json) }

        #expect(String(describing: error).contains(value))
    }
}
