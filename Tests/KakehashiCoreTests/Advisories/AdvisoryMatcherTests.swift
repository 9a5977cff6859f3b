import Foundation
import Testing
@testable import KakehashiCore

@Suite("Matching equipment against advisories")
struct AdvisoryMatcherTests {
    private func index() throws -> AdvisoryIndex {
        AdvisoryIndex(advisories: [
            try CSAFDocument.decode(try AdvisoryFixtures.data("csaf-ics-plc-firmware.json"), name: "ics"),
            try CSAFDocument.decode(try AdvisoryFixtures.data("csaf-bsi-2022-0001.json"), name: "bsi"),
            try CVERecord.decode(try AdvisoryFixtures.data("cve-2026-41234.json"), name: "cve"),
            try KEVCatalog.decode(try AdvisoryFixtures.data("kev-catalog.json"), name: "kev"),
        ])
    }

    private let registry = [
        Equipment(id: "PLC-1", name: "Line 2 PLC", vendor: "Example Industrial Co., Ltd.", product: "PX-200", version: "V3.1.0",
                  site: "Chiba Plant", function: "boiler control", designatedCriticalEquipment: true),
        Equipment(id: "PLC-2", vendor: "Example Industrial", product: "PX-200", version: "V3.2.1", site: "Chiba Plant"),
        Equipment(id: "PLC-3", vendor: "Example Industrial", product: "PX-200", site: "Sakai Plant"),
        Equipment(id: "PLC-4", vendor: "EXI", product: "Controller", version: "3.0", modelNumbers: ["PX-210-CPU"], site: "Kobe"),
        Equipment(id: "GW-1", vendor: "Example Industrial", product: "EX-Gate Protocol Gateway", version: "2.3", site: "Chiba Plant"),
        Equipment(id: "APP-1", vendor: "Apache", product: "Log4j2", version: "2.14.1", site: "Otemachi DC", domain: .it),
        Equipment(id: "CONV-1", vendor: "Other", product: "Thing",
                  cpe: try? CPEName("cpe:2.3:a:csaf-tools:cvrf-csaf-converter:1.0.0-rc1:*:*:*:*:*:*:*"), domain: .it),
        Equipment(id: "CONV-2", vendor: "CSAF Tools", product: "CVRF-CSAF-Converter", version: "1.0.0-rc2", domain: .it),
        Equipment(id: "RTR-1", vendor: "Cisco", product: "Catalyst 9300", version: "17.9.4", domain: .it),
    ]

    @Test func findsAffectedItemAndMergesAdvisoriesForTheSameCVE() throws {
        let findings = AdvisoryMatcher.match(registry, index: try index())
        let plc = try #require(findings.first { $0.equipment.id == "PLC-1" })
        #expect(findings.filter { $0.equipment.id == "PLC-1" }.count == 1)
        #expect(plc.vulnerabilityID == "CVE-2026-41234")
        #expect(plc.status == .affected)
        #expect(plc.knownExploited?.dueDate == "2026-12-11")
        #expect(plc.cvss3?.baseScore == 9.8 && plc.cvss3?.vector == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
        #expect(plc.cvss4?.baseScore == 9.3)
        let categories = Set(plc.remediations.map(\.category))
        #expect(categories.isSuperset(of: ["vendor_fix", "workaround", "solution", "required_action"]))
        #expect(plc.requiredAction?.hasPrefix("Apply mitigations") == true)
        #expect(plc.summary.contains("at Chiba Plant"))
    }

    @Test func fixedVersionIsNotReported() throws {
        let findings = AdvisoryMatcher.match(registry, index: try index())
        #expect(!findings.contains { $0.equipment.id == "PLC-2" })
        #expect(!findings.contains { $0.equipment.id == "CONV-2" })  // 1.0.0-rc2 is fixed
        #expect(!findings.contains { $0.equipment.id == "RTR-1" })
    }

    @Test func unregisteredVersionIsUnknown() throws {
        let findings = AdvisoryMatcher.match(registry, index: try index())
        let plc = try #require(findings.first { $0.equipment.id == "PLC-3" })
        #expect(plc.status == .unknown)
        let gateway = try #require(findings.first { $0.equipment.id == "GW-1" })
        #expect(gateway.status == .unknown)  // under investigation in the CSAF advisory
    }

    @Test func modelNumberPatternAndCPEAreEvidence() throws {
        let findings = AdvisoryMatcher.match(registry, index: try index())
        let byModel = try #require(findings.first { $0.equipment.id == "PLC-4" })
        #expect(byModel.evidence == .modelNumber && byModel.status == .affected)
        let byCPE = try #require(findings.first { $0.equipment.id == "CONV-1" })
        #expect(byCPE.evidence == .cpe && byCPE.vulnerabilityID == "CVE-2022-27193")
        #expect(byCPE.remediations.first?.category == "vendor_fix")
    }

    @Test func rankingPutsKnownExploitedFirstThenSeverity() throws {
        let findings = AdvisoryMatcher.match(registry, index: try index())
        let order = findings.map { "\($0.equipment.id) \($0.vulnerabilityID)" }
        // Known exploited and affected (9.8), PLC-1 first as designated critical equipment; then known
        // exploited but unknown (no registered version, under investigation, or KEV without versions).
        #expect(Array(order.prefix(5)) == [
            "PLC-1 CVE-2026-41234", "PLC-4 CVE-2026-41234", "GW-1 CVE-2026-41234", "PLC-3 CVE-2026-41234",
            "APP-1 CVE-2021-44228",
        ])
        let exploitedFlags = findings.map { $0.knownExploited != nil }
        #expect(exploitedFlags == exploitedFlags.sorted { $0 && !$1 })
        #expect(findings.last?.equipment.id == "CONV-1")
    }

    @Test func vendorNamesAreNormalised() {
        #expect(NameNormalizer.vendor("Schneider Electric") == NameNormalizer.vendor("schneider-electric"))
        #expect(NameNormalizer.vendor("Siemens AG") == "siemens")
        #expect(NameNormalizer.product("PX-200 firmware") == NameNormalizer.product("px-200"))
        #expect(NameNormalizer.modelMatches(pattern: NameNormalizer.model("PX-2??-CPU"), model: NameNormalizer.model("px-210-cpu")))
        #expect(!NameNormalizer.modelMatches(pattern: NameNormalizer.model("PX-2??-CPU"), model: NameNormalizer.model("PX-2100-CPU")))
    }
}

@Suite("Name and version normalisation beyond ASCII")
struct AdvisoryNormalisationTests {
    @Test func nonASCIINamesUseTheUnicodePath() {
        #expect(NameNormalizer.words("Ümlaut Werke GmbH") == ["ümlaut", "werke", "gmbh"])
        #expect(NameNormalizer.vendor("Ümlaut Werke GmbH") == "ümlaut_werke")
        #expect(NameNormalizer.vendor("日立製作所 株式会社") == NameNormalizer.vendor("日立製作所"))
        #expect(NameNormalizer.vendor("株式会社 日立製作所") == "日立製作所")
        #expect(NameNormalizer.model("ｐｘ-200") == "ＰＸ200")
    }

    @Test func asciiAndUnicodeVersionPathsAgree() {
        #expect(Version("V3.01a").segments == [.number("3"), .number("1"), .word("a")])
        #expect(Version("版3.01a").segments == [.word("版"), .number("3"), .number("1"), .word("a")])
    }
}
