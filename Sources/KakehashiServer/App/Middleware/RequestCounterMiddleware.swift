import Hummingbird
import Prometheus

/// Counts requests by method and status, and times them, into the hub's Prometheus registry.
struct RequestCounterMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, status: response.status.code, since: start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, status: error.status.code, since: start)
            throw error
        } catch {
            record(request, status: 500, since: start)
            throw error
        }
    }

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kakehashi", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests by method and status")
    }

    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kakehashi", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer HTTP requests")
    }

    private func record(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let labels = [("method", request.method.rawValue), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        registry.makeDurationHistogram(descriptor: Self.duration, labels: [("method", request.method.rawValue)],
                                       buckets: [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)])
            .recordNanoseconds(Int64(seconds * 1e9))
    }
}
