import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import NIOCore
import Testing

/// A stand-in for another Kakehashi hub's side of the exchange (WIRE.md): it serves the versions it holds
/// with their chains and a deletion notice, takes pushes (refusing the ids it is told to), and announces
/// each version it is given on its event stream.
actor FakeKakehashiPeer {
    static let hubID = "hub--0d1b5a8e-7c3f-8a11-9e42-5b6c7d8e9f01"

    struct Item {
        var dateAdded: Int64
        var chain: [String]
        var object: JSONValue
    }

    struct Push {
        var headers: HTTPFields
        var body: JSONValue
    }

    private var items: [Item] = []
    private var notices: [(sequence: Int64, notice: DeletionNotice)] = []
    private(set) var pushes: [Push] = []
    private(set) var pulls: [String] = []
    private var refuse: Set<String> = []
    private var listeners: [UUID: AsyncStream<Void>.Continuation] = [:]

    func add(_ object: JSONValue, chain: [String]) {
        items.append(Item(dateAdded: Int64(items.count + 1) * 1000, chain: chain, object: object))
        for listener in listeners.values { listener.yield() }
    }

    func addNotice(_ notice: DeletionNotice) { notices.append((Int64(notices.count + 1) * 10, notice)) }
    func refuseOnPush(_ id: String) { refuse.insert(id) }

    func page(after: Int64, deletionsAfter: Int64, limit: Int, query: String) throws -> Data {
        pulls.append(query)
        let fresh = items.filter { $0.dateAdded > after }
        let slice = fresh.prefix(limit)
        let deletions = notices.filter { $0.sequence > deletionsAfter }
        let body: JSONValue = .object([
            "hub_id": .string(Self.hubID),
            "items": .array(slice.map { .object(["date_added": .int($0.dateAdded), "chain": .array($0.chain.map(JSONValue.string)), "object": $0.object]) }),
            "next_after": .int(slice.last?.dateAdded ?? after), "more": .bool(fresh.count > slice.count),
            "deletions": .array(try deletions.map { .object(["sequence": .int($0.sequence), "notice": try JSONValue.parse(try JSONEncoder().encode($0.notice))]) }),
            "next_deletions_after": .int(deletions.last?.sequence ?? deletionsAfter),
        ])
        return body.serializedData()
    }

    func take(_ push: Push) -> Data {
        pushes.append(push)
        let items = push.body["items"]?.arrayValue ?? []
        let refused = items.compactMap { $0["object"]?["id"]?.stringValue }.filter { refuse.contains($0) }
        let body: [String: Any] = [
            "stored": items.count - refused.count, "duplicates": 0,
            "refused": refused.map { ["id": $0, "version": "2026-11-20T00:00:00.000Z", "code": "above-cap", "reason": "TLP:GREEN is above this hub's cap for you"] },
            "deletions_applied": push.body["deletions"]?.arrayValue?.count ?? 0, "deletions_refused": [] as [Any],
        ]
        return try! JSONSerialization.data(withJSONObject: body)
    }

    var listening: Bool { !listeners.isEmpty }

    /// Ends every open stream, so the server can shut down.
    func close() {
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    func listen() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners[UUID()] = continuation
        return stream
    }

    func serve(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        let base = "api/v1/federation/collections/c/exchange"
        router.get(RouterPath(base)) { request, _ -> Response in
            let query = request.uri.queryParameters
            let data = try await self.page(after: Int64(query["after"].map(String.init) ?? "0") ?? 0,
                                           deletionsAfter: Int64(query["deletions_after"].map(String.init) ?? "0") ?? 0,
                                           limit: Int(query["limit"].map(String.init) ?? "1000") ?? 1000, query: request.uri.query ?? "")
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.post(RouterPath(base)) { request, _ -> Response in
            var request = request
            let bytes = try await request.collectBody(upTo: 64 << 20)
            let push = Push(headers: request.headers, body: try JSONValue.parse(Array(bytes.readableBytesView)))
            let data = await self.take(push)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("api/v1/federation/hub") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"hub_id":"\#(Self.hubID)","public_key":"x"}"#)))
        }
        router.get("api/v1/collections/c/stream") { _, _ -> Response in
            let signals = await self.listen()
            return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n: keep-alive\n\n"))
                for await _ in signals {
                    try await writer.write(ByteBuffer(string: "id: 1\nevent: stix-object\ndata: {\"type\":\"indicator\"}\n\n"))
                }
                try await writer.finish(nil)
            })
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestHub.logger)
        try await app.test(.live) { client in
            do {
                try await body(try #require(client.port))
            } catch {
                await self.close()
                throw error
            }
            await self.close()
        }
    }
}
