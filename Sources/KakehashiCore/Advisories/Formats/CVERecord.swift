import Foundation

/// Reads CVE JSON 5 records (CVE Record Format 5.x) into ``Advisory``.
///
/// Uses `cveMetadata`, `containers.cna` (`title`, `affected`, `metrics`, `solutions`, `workarounds`)
/// and the metrics of `containers.adp` (such as CISA's ADP scores). A REJECTED record yields an
/// advisory with no vulnerabilities.
public enum CVERecord {
    /// Decodes one CVE record.
    public static func decode(_ data: Data, name: String) throws(AdvisoryFormatError) -> Advisory {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw AdvisoryFormatError(document: name, path: "$", rule: "not valid JSON: \(error.description)")
        }
        return try decode(root, name: name)
    }

    /// Decodes one already parsed CVE record.
    public static func decode(_ root: JSONValue, name: String) throws(AdvisoryFormatError) -> Advisory {
        let cursor = JSONCursor(root: root, document: name)
        let dataType = try cursor.required("dataType")
        guard try dataType.string() == "CVE_RECORD" else { throw dataType.fail("must be \"CVE_RECORD\"") }
        let dataVersion = try cursor.required("dataVersion")
        guard try dataVersion.string().hasPrefix("5.") else { throw dataVersion.fail("must be a 5.x version") }
        let metadata = try cursor.required("cveMetadata")
        let idCursor = try metadata.required("cveId")
        let cveID = try idCursor.string()
        guard isCVEID(cveID) else { throw idCursor.fail("\"\(cveID)\" is not a CVE ID (CVE-YYYY-NNNN…)") }
        let state = try metadata.required("state")
        let published = try metadata.string("datePublished")
        let cna = try cursor.required("containers").required("cna")
        let title = try cna.string("title") ?? cveID
        let publisher = try cna.optional("providerMetadata")?.string("shortName")
        switch try state.string() {
        case "REJECTED":
            return Advisory(id: cveID, source: .cveRecord, title: title, publisher: publisher, released: published, vulnerabilities: [])
        case "PUBLISHED":
            break
        default:
            throw state.fail("must be PUBLISHED or REJECTED")
        }
        let affectedEntries = try cna.required("affected")
        guard !(try affectedEntries.elements()).isEmpty else { throw affectedEntries.fail("must list at least one product") }
        var affected: [AffectedProduct] = []
        for entry in try affectedEntries.elements() {
            affected.append(try CVEAffected.decode(entry))
        }
        var scores: [CVSSScore] = []
        try CVEAffected.collectScores(from: cna, into: &scores)
        for adp in try cursor.required("containers").array("adp") {
            try CVEAffected.collectScores(from: adp, into: &scores)
        }
        var remediations: [Remediation] = []
        for (key, category) in [("solutions", "solution"), ("workarounds", "workaround")] {
            for item in try cna.array(key) {
                remediations.append(Remediation(category: category, details: try item.requiredString("value")))
            }
        }
        let record = VulnerabilityRecord(
            cve: cveID, advisoryID: cveID, title: title, affected: affected, scores: scores, remediations: remediations)
        return Advisory(id: cveID, source: .cveRecord, title: title, publisher: publisher, released: published, vulnerabilities: [record])
    }

    /// True for `CVE-YYYY-NNNN` with four or more digits in the sequence number.
    public static func isCVEID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "CVE", parts[1].count == 4, parts[2].count >= 4 else { return false }
        return (parts[1] + parts[2]).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
