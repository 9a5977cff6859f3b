import Foundation
import Testing
@testable import KakehashiCore

@Suite("Malformed advisories are rejected with document, path and rule")
struct AdvisoryFormatErrorTests {
    private func mutated(_ fixture: String, _ change: (inout JSONValue) -> Void) throws -> Data {
        var value = try JSONValue.parse(try AdvisoryFixtures.data(fixture))
        change(&value)
        return value.serializedData()
    }

    private func expectError(
        _ decode: () throws -> Advisory, document: String, path: String, rule: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sourceLocation: sourceLocation) {
            _ = try decode()
        } throws: { error in
            guard let error = error as? AdvisoryFormatError else { return false }
            return error.document == document && error.path == path && error.rule.contains(rule)
        }
    }

    @Test func csafMissingTrackingID() throws {
        let data = try mutated("csaf-bsi-2022-0001.json") { $0["document"]?["tracking"]?["id"] = nil }
        expectError({ try CSAFDocument.decode(data, name: "a.json") }, document: "a.json", path: "$.document.tracking.id", rule: "required")
    }

    @Test func csafWrongVersion() throws {
        let data = try mutated("csaf-bsi-2022-0001.json") { $0["document"]?["csaf_version"] = "1.2" }
        expectError({ try CSAFDocument.decode(data, name: "a.json") }, document: "a.json", path: "$.document.csaf_version", rule: "\"2.0\"")
    }

    @Test func csafUndefinedProductID() throws {
        let data = try mutated("csaf-bsi-2022-0001.json") {
            $0["vulnerabilities"] = .array([["product_status": ["known_affected": ["CSAFPID-0001", "CSAFPID-9999"]]]])
        }
        expectError({ try CSAFDocument.decode(data, name: "b.json") }, document: "b.json",
                    path: "$.vulnerabilities[0].product_status.known_affected[1]", rule: "\"CSAFPID-9999\" is not defined")
    }

    @Test func csafBadVector() throws {
        let data = try mutated("csaf-ics-plc-firmware.json") {
            $0["vulnerabilities"] = .array([[
                "scores": [["products": ["EXI-PX200-LT321"], "cvss_v3": ["version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:Q/A:H"]]],
            ]])
        }
        expectError({ try CSAFDocument.decode(data, name: "c.json") }, document: "c.json",
                    path: "$.vulnerabilities[0].scores[0].cvss_v3.vectorString", rule: "metric I")
    }

    @Test func csafBadCPE() throws {
        let data = try mutated("csaf-bsi-2022-0001.json") {
            $0["product_tree"] = ["full_product_names": [["name": "x", "product_id": "X", "product_identification_helper": ["cpe": "cpe:2.3:a:only"]]]]
            $0["vulnerabilities"] = .array([])
        }
        expectError({ try CSAFDocument.decode(data, name: "d.json") }, document: "d.json",
                    path: "$.product_tree.full_product_names[0].product_identification_helper.cpe", rule: "11 attributes")
    }

    @Test func csafBadRemediationCategory() throws {
        let data = try mutated("csaf-bsi-2022-0001.json") {
            $0["vulnerabilities"] = .array([["remediations": [["category": "pray", "details": "x"]]]])
        }
        expectError({ try CSAFDocument.decode(data, name: "e.json") }, document: "e.json",
                    path: "$.vulnerabilities[0].remediations[0].category", rule: "must be one of")
    }

    @Test func notJSON() {
        expectError({ try CSAFDocument.decode(Data("{\"document\":".utf8), name: "f.json") }, document: "f.json", path: "$", rule: "not valid JSON")
    }

    @Test func cveBadID() throws {
        let data = try mutated("cve-2026-41234.json") { $0["cveMetadata"]?["cveId"] = "CVE-26-1" }
        expectError({ try CVERecord.decode(data, name: "g.json") }, document: "g.json", path: "$.cveMetadata.cveId", rule: "not a CVE ID")
    }

    @Test func cveRangeWithoutVersionType() throws {
        let data = try mutated("cve-2026-41234.json") {
            $0["containers"]?["cna"]?["affected"] = [["vendor": "V", "product": "P", "versions": [["version": "1.0", "status": "affected", "lessThan": "2.0"]]]]
        }
        expectError({ try CVERecord.decode(data, name: "h.json") }, document: "h.json",
                    path: "$.containers.cna.affected[0].versions[0]", rule: "requires versionType")
    }

    @Test func cveBadStatus() throws {
        let data = try mutated("cve-2026-41234.json") {
            $0["containers"]?["cna"]?["affected"] = [["vendor": "V", "product": "P", "versions": [["version": "1.0", "status": "vulnerable"]]]]
        }
        expectError({ try CVERecord.decode(data, name: "i.json") }, document: "i.json",
                    path: "$.containers.cna.affected[0].versions[0].status", rule: "affected, unaffected or unknown")
    }

    @Test func kevBadDate() throws {
        let data = try mutated("kev-catalog.json") {
            if case .array(var entries) = $0["vulnerabilities"] {
                entries[1]["dueDate"] = "05/03/2022"
                $0["vulnerabilities"] = .array(entries)
            }
        }
        expectError({ try KEVCatalog.decode(data, name: "kev.json") }, document: "kev.json",
                    path: "$.vulnerabilities[1].dueDate", rule: "YYYY-MM-DD")
    }

    @Test func kevMissingRequiredAction() throws {
        let data = try mutated("kev-catalog.json") {
            if case .array(var entries) = $0["vulnerabilities"] {
                entries[0]["requiredAction"] = nil
                $0["vulnerabilities"] = .array(entries)
            }
        }
        expectError({ try KEVCatalog.decode(data, name: "kev.json") }, document: "kev.json",
                    path: "$.vulnerabilities[0].requiredAction", rule: "required")
    }
}
