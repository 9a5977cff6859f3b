import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/advisories`: imported advisory documents. Hub administrators import (CSAF 2.0, CVE JSON 5,
/// CISA KEV); every member may list what the hub knows.
struct AdvisoryController {
    let hub: Hub

    struct ImportView: Encodable, ResponseEncodable {
        let documents: [AdvisoryDocumentRepository.Summary]
        let newFindings: Int
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: importDocument)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [AdvisoryDocumentRepository.Summary] {
        _ = try context.require(.read)
        let documents = try await hub.advisories.documents.list()
        try await hub.audit.append(.by(context, action: "advisory.list", objectType: "advisory", details: ["count": String(documents.count)]))
        return documents
    }

    /// `POST /api/v1/advisories[?format=csaf|cve|kev][&name=file.json]` with the document as the body.
    @Sendable func importDocument(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<ImportView> {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may import advisories")
        }
        let format = try Self.format(request.uri.queryParameters["format"].map(String.init))
        let name = request.uri.queryParameters["name"].map(String.init) ?? "upload"
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let result = try await Self.run {
            try await hub.advisories.importDocuments(
                [.init(name: name, data: Data(buffer.readableBytesView))], format: format,
                audit: .by(context, action: "advisory.import", objectType: "advisory"), logger: context.logger)
        }
        return EditedResponse(status: .created, response: ImportView(documents: result.documents, newFindings: result.newFindings))
    }

    static func format(_ text: String?) throws -> AdvisoryDocument.Format? {
        guard let text, !text.isEmpty else { return nil }
        guard let format = AdvisoryDocument.Format(rawValue: text) else {
            throw APIError(.badRequest, code: "invalid-field", "format must be csaf, cve or kev (or omitted, to recognise it)", field: "format")
        }
        return format
    }

    /// Runs an import, answering 400 with the document, JSON path and rule when a document is rejected.
    static func run<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as AdvisoryFormatError {
            throw APIError(.badRequest, code: "invalid-advisory", error.description, field: error.path)
        }
    }
}
