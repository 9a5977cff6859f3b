import Foundation

/// Reads CSAF 2.0 advisories (OASIS Common Security Advisory Framework) into ``Advisory``.
///
/// Checks the properties the schema requires for what Kakehashi uses (document metadata, product tree,
/// product status, scores, remediations) and that every product ID a vulnerability mentions is
/// defined in the product tree. CVSS scores are recomputed from their vectors.
///
/// ```swift
/// let advisory = try CSAFDocument.decode(data, name: "bsi-2022-0001.json")
/// ```
public enum CSAFDocument {
    /// Decodes a CSAF 2.0 document.
    /// - Parameters:
    ///   - data: the JSON bytes.
    ///   - name: how errors name the document (a file name or URL).
    public static func decode(_ data: Data, name: String) throws(AdvisoryFormatError) -> Advisory {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw AdvisoryFormatError(document: name, path: "$", rule: "not valid JSON: \(error.description)")
        }
        return try decode(root, name: name)
    }

    /// Decodes an already parsed CSAF 2.0 document.
    public static func decode(_ root: JSONValue, name: String) throws(AdvisoryFormatError) -> Advisory {
        let cursor = JSONCursor(root: root, document: name)
        let document = try cursor.required("document")
        let version = try document.required("csaf_version")
        guard try version.string() == "2.0" else { throw version.fail("must be \"2.0\"") }
        _ = try document.requiredString("category")
        let title = try document.requiredString("title")
        let publisher = try document.required("publisher")
        let publisherName = try publisher.requiredString("name")
        _ = try publisher.requiredString("namespace")
        let publisherCategory = try publisher.required("category")
        let categories = ["coordinator", "discoverer", "other", "translator", "user", "vendor"]
        guard categories.contains(try publisherCategory.string()) else {
            throw publisherCategory.fail("must be one of \(categories.joined(separator: ", "))")
        }
        let tracking = try document.required("tracking")
        let id = try tracking.requiredString("id")
        let released = try tracking.requiredString("current_release_date")
        _ = try tracking.requiredString("initial_release_date")
        _ = try tracking.requiredString("version")
        let status = try tracking.required("status")
        guard ["draft", "final", "interim"].contains(try status.string()) else {
            throw status.fail("must be one of draft, final, interim")
        }
        let history = try tracking.required("revision_history")
        guard !(try history.elements()).isEmpty else { throw history.fail("must list at least one revision") }

        let products = try cursor.optional("product_tree").map { tree throws(AdvisoryFormatError) in
            try CSAFProductTree(tree)
        } ?? CSAFProductTree()
        var records: [VulnerabilityRecord] = []
        for vulnerability in try cursor.array("vulnerabilities") {
            records.append(try CSAFVulnerability.decode(vulnerability, products: products, advisoryID: id))
        }
        return Advisory(id: id, source: .csaf, title: title, publisher: publisherName, released: released, vulnerabilities: records)
    }
}
