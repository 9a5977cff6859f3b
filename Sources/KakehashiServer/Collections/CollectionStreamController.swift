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
/// idle connections open. Opening the stream and every batch delivered are audited. The `retry:` field
/// follows the backlog (the objects after the resumed cursor), so a client that sees it is caught up.
///
/// A commit to the collection wakes the stream (``STIXCommitSignal``: at once in this process, through
/// PostgreSQL `NOTIFY` from the others); the stream then reads from the database after its own cursor, so
/// a wake-up holds no objects and a slow client just reads more at its next turn. Without a wake-up it
/// reads anyway every ``HubConfiguration/streamSafetyPoll``, in case a notification was lost.
struct CollectionStreamController {
    let hub: Hub
    /// How long a stream stays silent before it sends a keep-alive comment.
    static let keepAlive: Duration = .seconds(15)

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
        let hub = self.hub, start = cursor
        let tick = min(hub.configuration.streamSafetyPoll, Self.keepAlive)
        let deadline = ContinuousClock.now + .seconds(wait)
        let body = ResponseBody { writer in
            // Subscribed before the first read, so a commit after that read wakes the stream.
            let wakeUps = hub.commits.subscribe(to: reader.collection.id)
            let metrics = CollectionStreamMetrics(registry: hub.metrics)
            let subscribers = metrics.subscribers(of: reader.collection.id)
            let connected = Date().micros
            subscribers.increment()
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // Commits, the safety poll and the deadline all arrive as one turn; at most one is pending.
                    let (turns, turn) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
                    group.addTask {
                        for await _ in wakeUps { turn.yield() }
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: tick)
                            turn.yield()
                        }
                    }
                    group.addTask {
                        try await Task.sleep(until: deadline)
                        turn.finish()
                    }
                    var cursor = start
                    var lastWrite = ContinuousClock.now
                    var pending = turns.makeAsyncIterator()
                    var caughtUp = false
                    while !Task.isCancelled {
                        var more = true
                        while more {
                            let page = try await reader.page(after: cursor, types: types, limit: 500)
                            more = page.more
                            guard let last = page.objects.last else { break }
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
                            // Lag is counted for objects committed while connected, not for a resumed backlog.
                            metrics.recordLag(dateAdded: page.objects.map(\.dateAdded).filter { $0 >= connected }, written: Date().micros)
                            try await writer.write(ByteBuffer(string: text))
                            cursor = last.dateAdded
                            lastWrite = .now
                        }
                        if !caughtUp {
                            // Sent once the backlog is out: from here on, each commit wakes the stream.
                            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                            caughtUp = true
                        } else if ContinuousClock.now - lastWrite >= Self.keepAlive {
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            lastWrite = .now
                        }
                        if ContinuousClock.now >= deadline { break }
                        guard await pending.next() != nil else { break }
                    }
                    group.cancelAll()
                }
                subscribers.decrement()
            } catch {
                subscribers.decrement()
                throw error
            }
            try await writer.finish(nil)
        }
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: body)
    }
}
