import Foundation

/// Reads an advisory document of any format the hub imports, recognising the format from its content:
/// CSAF 2.0 (`document.csaf_version`), a CVE JSON 5 record (`dataType` `CVE_RECORD`) or CISA's KEV
/// catalog (`catalogVersion`).
///
/// ```swift
/// let advisory = try AdvisoryDocument.decode(data, name: "icsa-26-001-01.json")
/// ```
public enum AdvisoryDocument {
    /// The formats the hub reads.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        case csaf
        case cve
        case kev
    }

    /// Decodes `data`, as `format` when given, otherwise as the format its content shows.
    /// - Throws: ``AdvisoryFormatError`` naming the document, the JSON path and the rule broken.
    public static func decode(_ data: Data, name: String, format: Format? = nil) throws(AdvisoryFormatError) -> Advisory {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw AdvisoryFormatError(document: name, path: "$", rule: "not valid JSON: \(error.description)")
        }
        let chosen: Format
        if let format {
            chosen = format
        } else {
            chosen = try detect(root, name: name)
        }
        switch chosen {
        case .csaf: return try CSAFDocument.decode(root, name: name)
        case .cve: return try CVERecord.decode(root, name: name)
        case .kev: return try KEVCatalog.decode(data, name: name)
        }
    }

    /// The format `root` is written in.
    public static func detect(_ root: JSONValue, name: String) throws(AdvisoryFormatError) -> Format {
        guard case .object(let members) = root else {
            throw AdvisoryFormatError(document: name, path: "$", rule: "must be a JSON object (a CSAF document, a CVE record or the KEV catalog)")
        }
        if case .object(let document)? = members["document"], document["csaf_version"] != nil { return .csaf }
        if members["dataType"] != nil || members["cveMetadata"] != nil { return .cve }
        if members["catalogVersion"] != nil { return .kev }
        throw AdvisoryFormatError(
            document: name, path: "$",
            rule: "is not a recognised advisory: expected document.csaf_version (CSAF 2.0), dataType \"CVE_RECORD\" (CVE JSON 5) or catalogVersion (CISA KEV)")
    }
}
