import Foundation
import Testing
@testable import KakehashiCore

@Suite("Advisory formats: CSAF 2.0, CVE JSON 5, KEV")
struct AdvisoryFormatTests {
    @Test func readsTheOASISExampleCSAF() throws {
        let advisory = try CSAFDocument.decode(try AdvisoryFixtures.data("csaf-bsi-2022-0001.json"), name: "bsi")
        #expect(advisory.id == "BSI-2022-0001")
        #expect(advisory.source == .csaf)
        #expect(advisory.publisher == "Bundesamt für Sicherheit in der Informationstechnik")
        let record = try #require(advisory.vulnerabilities.first)
        #expect(record.cve == "CVE-2022-27193")
        #expect(record.affected.map(\.productID) == ["CSAFPID-0001", "CSAFPID-0002", "CSAFPID-0003", "CSAFPID-0004", "CSAFPID-0005"])
        let first = record.affected[0]
        #expect(first.vendor == "CSAF Tools" && first.product == "CVRF-CSAF-Converter")
        #expect(first.status(of: Version("1.0.0-alpha")) == .affected)
        #expect(first.status(of: Version("1.0.0-rc2")) == nil)
        #expect(first.cpes.first?.formatted == "cpe:2.3:a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha:*:*:*:*:*:*:*")
        // The document says 6.1; computed from the vector (with temporal metrics ignored) it is the base score.
        #expect(record.cvss3?.baseScore == 6.1)
        #expect(record.remediations.first?.category == "vendor_fix")
        #expect(record.remediations.first?.url == "https://github.com/csaf-tools/CVRF-CSAF-Converter/releases/tag/1.0.0-rc2")
    }

    @Test func readsRangesModelsAndRelationshipsFromCSAF() throws {
        let advisory = try CSAFDocument.decode(try AdvisoryFixtures.data("csaf-ics-plc-firmware.json"), name: "ics")
        let record = try #require(advisory.vulnerabilities.first)
        let byID = Dictionary(uniqueKeysWithValues: record.affected.compactMap { entry in entry.productID.map { ($0, entry) } })
        let firmware = try #require(byID["EXI-PX200-LT321"])
        #expect(firmware.vendor == "Example Industrial" && firmware.product == "PX-200")
        #expect(firmware.modelNumbers == ["PX-2??-CPU", "PX-200-*"])
        #expect(firmware.skus == ["EXI-6PX200-0AB0"])
        #expect(firmware.status(of: Version("V3.2.0")) == .affected)
        #expect(firmware.status(of: Version("V3.2.1")) == nil)
        let embedded = try #require(byID["EXI-PX200-ON-GATE"])
        #expect(embedded.platform == "EX-Gate hardware")
        #expect(embedded.status(of: Version("3.1")) == .affected)
        let gateway = try #require(byID["EXI-GATE-LE24"])
        #expect(gateway.status(of: Version("2.4")) == .unknown)  // under investigation
        #expect(gateway.status(of: Version("2.5")) == nil)
        #expect(gateway.purls == ["pkg:generic/example-industrial/ex-gate"])
        #expect(byID["EXI-PX200-321"] == nil)  // fixed products are not listed as affected
        #expect(record.remediations.map(\.category) == ["vendor_fix", "workaround"])
    }

    @Test func readsACVERecord() throws {
        let advisory = try CVERecord.decode(try AdvisoryFixtures.data("cve-2026-41234.json"), name: "cve")
        #expect(advisory.id == "CVE-2026-41234" && advisory.source == .cveRecord)
        let record = try #require(advisory.vulnerabilities.first)
        #expect(record.cvss4?.baseScore == 9.3)
        #expect(record.cvss3?.baseScore == 9.8)
        let product = try #require(record.affected.first)
        #expect(product.cpes.count == 1)
        #expect(product.status(of: Version("V3.1")) == .affected)
        #expect(product.status(of: Version("V3.2.1")) == nil)   // changes: unaffected from V3.2.1
        #expect(product.status(of: Version("V2.9.8")) == .affected)
        #expect(product.status(of: Version("V2.9.7")) == nil)   // defaultStatus unaffected
        #expect(product.status(of: nil) == .unknown)
        #expect(record.remediations.map(\.category) == ["solution", "workaround"])
    }

    @Test func readsTheKEVCatalog() throws {
        let advisory = try KEVCatalog.decode(try AdvisoryFixtures.data("kev-catalog.json"), name: "kev")
        #expect(advisory.vulnerabilities.count == 3)
        let log4j = try #require(advisory.vulnerabilities.first)
        #expect(log4j.cve == "CVE-2021-44228")
        #expect(log4j.knownExploited?.usedByRansomware == true)
        #expect(log4j.knownExploited?.dueDate == "2021-12-24")
        #expect(log4j.affected.first?.vendor == "Apache")
        #expect(advisory.vulnerabilities[1].knownExploited?.usedByRansomware == false)
    }
}
