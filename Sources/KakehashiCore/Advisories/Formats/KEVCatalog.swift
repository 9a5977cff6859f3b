import Foundation

/// Reads CISA's Known Exploited Vulnerabilities catalog (`known_exploited_vulnerabilities.json`).
///
/// The result is an ``Advisory`` whose records carry ``KnownExploitation`` and a vendor/product entry
/// of unknown version applicability; ``AdvisoryMatcher`` also uses it to flag records of other
/// advisories with the same CVE as known exploited.
public enum KEVCatalog {
    /// Decodes the catalog.
    public static func decode(_ data: Data, name: String) throws(AdvisoryFormatError) -> Advisory {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw AdvisoryFormatError(document: name, path: "$", rule: "not valid JSON: \(error.description)")
        }
        let cursor = JSONCursor(root: root, document: name)
        let version = try cursor.requiredString("catalogVersion")
        let title = try cursor.string("title") ?? "CISA Catalog of Known Exploited Vulnerabilities"
        let released = try cursor.string("dateReleased")
        let entries = try cursor.required("vulnerabilities").elements()
        var records: [VulnerabilityRecord] = []
        records.reserveCapacity(entries.count)
        for entry in entries {
            let idCursor = try entry.required("cveID")
            let cve = try idCursor.string()
            guard CVERecord.isCVEID(cve) else { throw idCursor.fail("\"\(cve)\" is not a CVE ID (CVE-YYYY-NNNN…)") }
            let dateAdded = try entry.required("dateAdded")
            let dueDate = try entry.required("dueDate")
            for date in [dateAdded, dueDate] where CalendarDay(try date.string()) == nil {
                throw date.fail("\"\(try date.string())\" is not a date of the form YYYY-MM-DD")
            }
            let exploitation = KnownExploitation(
                dateAdded: try dateAdded.string(), dueDate: try dueDate.string(),
                requiredAction: try entry.requiredString("requiredAction"),
                knownRansomwareCampaignUse: try entry.string("knownRansomwareCampaignUse") ?? "Unknown",
                vulnerabilityName: try entry.string("vulnerabilityName") ?? cve)
            let product = AffectedProduct(
                vendor: try entry.requiredString("vendorProject"), product: try entry.requiredString("product"),
                defaultStatus: .unknown)
            records.append(VulnerabilityRecord(
                cve: cve, advisoryID: "KEV " + version, title: exploitation.vulnerabilityName, affected: [product],
                remediations: [Remediation(category: "required_action", details: exploitation.requiredAction)],
                knownExploited: exploitation))
        }
        return Advisory(id: "KEV " + version, source: .knownExploited, title: title, publisher: "CISA", released: released, vulnerabilities: records)
    }
}
