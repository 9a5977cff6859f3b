import Foundation

/// One line of the audit export (`AuditExportLine`).
struct AuditExportLineResponse: Decodable {
    let action: String
    let hash: String
    let previousHash: String?
}

/// The parts of `openapi.json` the tests check.
struct OpenAPIDocumentResponse: Decodable {
    let openapi: String
    /// Operations by path, then by lower-case method.
    let paths: [String: [String: Opaque]]
}
