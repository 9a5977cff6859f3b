import Foundation
import Hummingbird
import Prometheus

/// `/health` (database reachability) and `/metrics` (Prometheus text).
struct HealthController {
    let hub: Hub

    struct HealthView: ResponseEncodable {
        let status: String
        let database: String
        let engine: String
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("health", use: health)
        routes.get("metrics", use: metrics)
        return routes
    }

    @Sendable func health(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<HealthView> {
        let reachable = await hub.database.ping()
        let view = HealthView(status: reachable ? "ok" : "degraded", database: reachable ? "reachable" : "unreachable", engine: hub.database.engine.rawValue)
        return EditedResponse(status: reachable ? .ok : .serviceUnavailable, response: view)
    }

    @Sendable func metrics(_ request: Request, context: HubRequestContext) async throws -> Response {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        hub.metrics.emit(into: &buffer)
        do {
            buffer.append(contentsOf: Array(try await PeerMetrics.text(of: hub).utf8))
        } catch {
            // The request counters still answer when the database does not.
            context.logger.warning("cannot read the peers' state for /metrics", metadata: ["error": "\(error)"])
        }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}
