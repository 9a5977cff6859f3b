import Foundation
import Testing
@testable import KakehashiCore

@Suite("CVSS base scores")
struct CVSSScoreTests {
    /// Published scores: NVD (Log4Shell, Heartbleed, CVE-2019-0708) and the CVSS 3.1 / 4.0 specification examples.
    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),  // CVE-2021-44228
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5),   // CVE-2014-0160
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),   // CVE-2019-0708
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),   // typical reflected XSS
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
        ("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1),  // threat metric, FIRST calculator
    ])
    func publishedScores(vector: String, expected: Double) throws {
        let score = try CVSSScore(vector: vector)
        #expect(score.baseScore == expected)
    }

    /// 800 vectors scored by the Red Hat `cvss` library (a port of FIRST's calculator); see make_cvss_reference.py.
    @Test func agreesWithReferenceCalculator() throws {
        let lines = try AdvisoryFixtures.text("cvss-reference-scores.tsv").split(separator: "\n")
        var checked = 0
        for line in lines where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            try #require(fields.count == 2)
            let expected = try #require(Double(fields[1]))
            let score = try CVSSScore(vector: String(fields[0]))
            #expect(score.baseScore == expected, "\(fields[0])")
            checked += 1
        }
        #expect(checked == 800)
    }

    @Test func severityBands() {
        #expect(CVSSSeverity(score: 0) == .none)
        #expect(CVSSSeverity(score: 3.9) == .low)
        #expect(CVSSSeverity(score: 4.0) == .medium)
        #expect(CVSSSeverity(score: 8.9) == .high)
        #expect(CVSSSeverity(score: 9.0) == .critical)
    }

    @Test func macroVectorOfSpecExample() throws {
        let vector = try CVSS4Vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
        #expect(vector.macroVector == "000200")
    }
}
