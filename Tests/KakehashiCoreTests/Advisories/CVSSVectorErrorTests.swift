import Testing
@testable import KakehashiCore

@Suite("CVSS vector errors")
struct CVSSVectorErrorTests {
    @Test(arguments: [
        ("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV", "not one of"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "A", "mandatory"),
        ("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV", "more than once"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:Q", "ZZ", "unknown metric"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", "SI", "not one of"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "SA", "mandatory"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Z", "E", "not one of"),
    ])
    func namesTheOffendingMetric(vector: String, metric: String, rule: String) {
        #expect {
            _ = try CVSSScore(vector: vector)
        } throws: { error in
            guard let error = error as? CVSSError else { return false }
            return error.metric == metric && error.rule.contains(rule)
        }
    }

    @Test(arguments: ["", "CVSS:2.0/AV:N", "AV:N/AC:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "CVSS:3.1/AV"])
    func rejectsMalformedVectors(vector: String) {
        #expect(throws: CVSSError.self) { _ = try CVSSScore(vector: vector) }
    }
}
