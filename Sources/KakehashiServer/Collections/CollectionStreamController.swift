import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `GET /api/v1/collections/:collection/stream`: new objects as Server-Sent Events, as they are added,
/// within what TLP lets the reader's organisation see — the same filter as TAXII and the pages.
///
/// Each event is `id: <date added>` / `event: stix-object` / `data: <the object>`. A client resumes
/// with `Last-Event-ID` (or `?after=`); without one the stream starts from now. The stream closes after
/// `wait` seconds (default 60, at most 300) so that clients reconnect; `: keep-alive` comments keep
/// idle connections open. Opening the stream and every batch delivered are audited.
struct CollectionStreamController {
    let hub: Hub
    /// How often the stream looks for new objects.
    var pollInterval: Duration = .milliseconds(500)

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(":collection/stream", use: stream)
        return routes
    }

    @Sendable func stream(_ request: Request, context: HubRequestContext) async throws -> Response {
        let reader = try await CollectionReader.resolve(context, hub: hub)
        let types = try CollectionReader.types(request)
        let resume = request.headers[.init("Last-Event-ID")!] ?? request.uri.queryParameters["after"].map(String.init)
        var cursor = Date().micros
        if let resume, !resume.isEmpty {
            guard let value = Int64(resume), value >= 0 else {
                throw APIError(.badRequest, code: "invalid-field", "Last-Event-ID (or after) must be the id of an event this stream sent", field: "Last-Event-ID")
            }
            cursor = value
        }
        let waitText = request.uri.queryParameters["wait"].map(String.init) ?? "60"
        guard let wait = Int(waitText), (0...300).contains(wait) else {
            throw APIError(.badRequest, code: "invalid-field", "wait must be a number of seconds from 0 to 300", field: "wait")
        }
        let collectionID = reader.collection.id.uuidString.lowercased()
        let audit = AuditRecord.by(context, action: "collection.stream", objectType: "collection", objectID: collectionID)
        try await hub.audit.append(audit)
        let hub = self.hub, poll = pollInterval, start = cursor
        let deadline = ContinuousClock.now + .seconds(wait)
        let body = ResponseBody { writer in
            var cursor = start
            var lastWrite = ContinuousClock.now
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            repeat {
                let page = try await reader.page(after: cursor, types: types, limit: 500)
                if let last = page.objects.last {
                    var text = ""
                    for stored in page.objects {
                        // JSON text has no line breaks outside strings, so one data line carries it.
                        let json = (stored.json ?? "{}").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                        text += "id: \(stored.dateAdded)\nevent: stix-object\ndata: \(json)\n\n"
                    }
                    // Audit before sending: nothing reaches the reader unrecorded.
                    var batch = audit
                    batch.action = "collection.stream.read"
                    batch.details = ["count": String(page.objects.count), "last": String(last.dateAdded)]
                    try await hub.audit.append(batch)
                    try await writer.write(ByteBuffer(string: text))
                    cursor = last.dateAdded
                    lastWrite = .now
                    if page.more { continue }
                } else if ContinuousClock.now - lastWrite > .seconds(15) {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    lastWrite = .now
                }
                if ContinuousClock.now >= deadline { break }
                try await Task.sleep(for: poll)
            } while !Task.isCancelled
            try await writer.finish(nil)
        }
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: body)
    }
}
