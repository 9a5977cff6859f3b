import Foundation
import HTTPTypes
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/regimes`: the regime catalogue in force. Members read it; hub administrators replace it.
struct RegimeController {
    let reporting: Reporting

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: read)
        routes.put(use: replace)
        return routes
    }

    /// The catalogue's JSON as it was put in force, with its version in `X-Kakehashi-Regimes-Version` (0: the start file).
    @Sendable func read(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.require(.read)
        let data: Data
        let version: Int
        if let entry = try await reporting.regimes.store.active() {
            data = Data(entry.json.utf8)
            version = entry.version
        } else {
            data = try Data(contentsOf: URL(fileURLWithPath: reporting.regimes.filePath))
            version = 0
        }
        try await reporting.hub.audit.append(.by(context, action: "regimes.read", objectType: "regime-catalogue", details: ["version": String(version)]))
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", Self.versionHeader: String(version)], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Replaces the catalogue after checking it with ``RegimeCatalog/decode(from:)``; the error names the regime and stage at fault.
    @Sendable func replace(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may change the regimes")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        let catalogue: RegimeCatalog
        do {
            catalogue = try RegimeCatalog.decode(from: data)
        } catch {
            try await reporting.hub.audit.append(.by(context, action: "regimes.update.refused", objectType: "regime-catalogue", details: ["error": String(describing: error)]))
            throw APIError(.unprocessableContent, code: "invalid-regimes", String(describing: error))
        }
        let version = try await reporting.regimes.store.activate(json: String(decoding: data, as: UTF8.self), by: principal.user.username, audit: .by(
            context, action: "regimes.update", objectType: "regime-catalogue", details: ["regimes": catalogue.regimes.map(\.id).joined(separator: ",")]))
        let body = try HubJSON.encoder.encode(["version": version, "regimes": catalogue.regimes.count])
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", Self.versionHeader: String(version)], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static let versionHeader = HTTPField.Name("X-Kakehashi-Regimes-Version")!
}
