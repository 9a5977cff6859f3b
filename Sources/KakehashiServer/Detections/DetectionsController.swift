import Foundation
import Hummingbird
import KakehashiCore
import KakehashiHunt
import KakehashiStorage

/// `GET /api/v1/collections/:collection/detections?format=…`: the indicators the caller's organisation
/// may read, as the files sensors load (Zeek intel, Suricata rules, datasets, IP reputation, plain
/// lists, CSV) or as a JSON report. Read through ``CollectionReader``, so TLP (RED recipients included)
/// decides exactly as on TAXII and the pages.
///
/// Revoked and expired indicators are left out; those that do not translate exactly are counted in
/// `X-Kakehashi-Untranslatable` and listed, with the reason, by `format=report`. `X-Kakehashi-Cursor`
/// is the cursor for `since=`, which asks for a delta (what to add, what to remove). Audited.
struct DetectionsController {
    let hub: Hub

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(":collection/detections", use: detections)
        return routes
    }

    /// The query: `format`, `kind`, `sid_base` / `sid_count`, `since`.
    struct Query {
        var format: DetectionFormat
        var kinds: Set<DetectionKind>?
        var sids: SIDRange?
        var since: DetectionCursor?

        init(_ request: Request) throws {
            let parameters = request.uri.queryParameters
            let text = parameters["format"].map(String.init) ?? ""
            guard let format = DetectionFormat(rawValue: text) else {
                throw APIError(.badRequest, code: "invalid-field", "format must be one of \(DetectionFormat.allCases.map(\.rawValue).joined(separator: ", "))", field: "format")
            }
            self.format = format
            if let text = parameters["kind"].map(String.init), !text.isEmpty {
                var kinds = Set<DetectionKind>()
                for name in text.split(separator: ",") {
                    guard let kind = DetectionKind(rawValue: String(name)) else {
                        throw APIError(.badRequest, code: "invalid-field", "'\(name)' is not a kind: \(DetectionKind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
                    }
                    kinds.insert(kind)
                }
                if format == .suricataDataset {
                    guard kinds.count == 1, format.refusal(of: kinds.first!) == nil else {
                        throw APIError(.badRequest, code: "invalid-field", "a Suricata dataset holds one kind: address, domain, url, md5 or sha256", field: "kind")
                    }
                }
                self.kinds = kinds
            }
            let base = try Self.integer(parameters["sid_base"].map(String.init), field: "sid_base")
            let count = try Self.integer(parameters["sid_count"].map(String.init), field: "sid_count")
            if base != nil || count != nil || format.needsSIDs {
                do {
                    sids = try SIDRange(base: base ?? SIDRange.local.base, count: count ?? (base == nil ? SIDRange.local.count : 1_000_000))
                } catch {
                    throw APIError(.badRequest, code: "invalid-field", error.description, field: base == nil ? "sid_count" : "sid_base")
                }
            }
            if let text = parameters["since"].map(String.init), !text.isEmpty {
                guard let cursor = DetectionCursor(text: text) else {
                    throw APIError(.badRequest, code: "invalid-field", "since must be the X-Kakehashi-Cursor of an earlier pack", field: "since")
                }
                guard format.hasDelta else {
                    throw APIError(.badRequest, code: "invalid-field", "format=\(format.rawValue) has no delta; ask format=zeek, csv or report with since, or this format without it", field: "since")
                }
                since = cursor
            }
        }

        static func integer(_ text: String?, field: String) throws -> Int64? {
            guard let text, !text.isEmpty else { return nil }
            guard let value = Int64(text) else { throw APIError(.badRequest, code: "invalid-field", "\(field) must be a whole number", field: field) }
            return value
        }
    }

    @Sendable func detections(_ request: Request, context: HubRequestContext) async throws -> Response {
        let reader = try await CollectionReader.resolve(context, hub: hub)
        let query = try Query(request)
        var allowlist = DetectionAllowlist.bundled
        if let host = request.head.authority.flatMap(DetectionAllowlist.host(ofAuthority:)) { allowlist.add(host) }
        var pack = try await DetectionPackReader(reader: reader, link: link(request, reader.collection)).pack(format: query.format, since: query.since)
            .leavingOut(allowlist)
        if let range = query.sids {
            let keys = (pack.entries + pack.removed).filter { DetectionFormat.suricata.refusal(of: $0.kind) == nil }.map(\.key)
            let sids = try await DetectionSIDRepository(database: hub.database).allocate(keys, range: range, organisation: reader.principal.organisation.id)
            pack = pack.assigning(sids: sids)
        }
        let collectionID = reader.collection.id.uuidString.lowercased()
        var details = ["format": query.format.rawValue, "entries": String(pack.entries.count), "untranslatable": String(pack.untranslatable.count),
                       "allowlisted": String(pack.allowlisted?.count ?? 0)]
        if let since = query.since { details["since"] = since.description; details["removed"] = String(pack.removed.count) }
        if let sids = query.sids { details["sid_range"] = "\(sids.base)+\(sids.count)" }
        try await hub.audit.append(.by(context, action: "collection.detections", objectType: "collection", objectID: collectionID, details: details))
        let source = "kakehashi:" + (reader.collection.alias ?? collectionID)
        let body = DetectionPackWriter.render(pack, format: query.format, kinds: query.kinds, source: source)
        var headers: HTTPFields = [.contentType: query.format.contentType, .cacheControl: "no-store"]
        headers[.init("X-Kakehashi-Cursor")!] = pack.cursor.description
        headers[.init("X-Kakehashi-Entries")!] = String(pack.entries.count)
        headers[.init("X-Kakehashi-Removed")!] = String(pack.removed.count)
        headers[.init("X-Kakehashi-Untranslatable")!] = String(pack.untranslatable.count)
        headers[.init("X-Kakehashi-Allowlisted")!] = String(pack.allowlisted?.count ?? 0)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The page of an indicator on this hub, for Zeek's `meta.url` and the report.
    private func link(_ request: Request, _ collection: SharingCollection) -> @Sendable (String) -> String {
        let scheme = hub.configuration.servesTLS ? "https" : "http"
        let host = request.head.authority ?? "\(hub.configuration.host):\(hub.configuration.port)"
        let base = "\(scheme)://\(host)/collections/\(collection.id.uuidString.lowercased())/objects/"
        return { base + $0 }
    }
}
