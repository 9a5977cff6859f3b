import AsyncHTTPClient
import Foundation
import KakehashiStorage
import Logging
import NIOCore
import ServiceLifecycle

/// The background service that makes due webhook calls, signs them, and records every attempt.
///
/// `kakehashi serve` runs it beside the HTTP server; tests call ``runOnce(now:)`` directly.
public struct WebhookDispatcher: Service {
    let webhooks: WebhookRepository
    let client: HTTPClient
    let outbound: OutboundPolicy
    let policy: RetryPolicy
    let interval: Duration
    let timeout: TimeAmount
    let logger: Logger

    /// - Parameters:
    ///   - interval: how long to wait between looks at the queue.
    ///   - timeout: how long one call may take.
    ///   - outbound: which addresses the calls may reach; checked before every call, a refusal is a failed attempt.
    public init(database: HubDatabase, client: HTTPClient = OutboundHTTP.client, outbound: OutboundPolicy = .publicOnly, policy: RetryPolicy = .standard,
                interval: Duration = .seconds(5), timeout: TimeAmount = .seconds(10), logger: Logger) {
        self.webhooks = WebhookRepository(database: database)
        self.client = client
        self.outbound = outbound
        self.policy = policy
        self.interval = interval
        self.timeout = timeout
        self.logger = logger
    }

    public func run() async throws {
        await PeriodicWork.run(every: interval, logger: logger, failure: "webhook dispatch failed") {
            _ = try await runOnce(now: Date())
        }
    }

    /// Makes every due call once.
    /// - Returns: how many calls succeeded and failed.
    @discardableResult
    public func runOnce(now: Date) async throws -> (delivered: Int, failed: Int) {
        // The lease outlasts the call's timeout, so a slow call is not made twice.
        let lease = TimeInterval(timeout.nanoseconds / 1_000_000_000) + 60
        var delivered = 0, failed = 0
        for due in try await webhooks.claimDue(now: now, lease: lease) {
            let outcome = await call(due, now: now)
            let attempt = due.delivery.attempts + 1
            let retryAt = outcome.succeeded ? nil : policy.retryTime(afterAttempt: attempt, now: Date())
            try await webhooks.recordAttempt(id: due.delivery.id, succeeded: outcome.succeeded, status: outcome.status, error: outcome.error, retryAt: retryAt, now: Date())
            if outcome.succeeded { delivered += 1 } else { failed += 1 }
            logger.debug("webhook attempt", metadata: [
                "webhook.delivery": "\(due.delivery.id)", "webhook.attempt": "\(attempt)", "webhook.succeeded": "\(outcome.succeeded)",
                "webhook.status": "\(outcome.status.map(String.init) ?? "-")",
            ])
        }
        return (delivered, failed)
    }

    /// One signed POST; a 2xx answer is success.
    func call(_ due: DueWebhook, now: Date) async -> (succeeded: Bool, status: Int?, error: String?) {
        let body = Data(due.delivery.payload.utf8)
        var request = HTTPClientRequest(url: due.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Kakehashi-Webhooks/1")
        let timestamp = String(Int(Date().timeIntervalSince1970))
        request.headers.add(name: WebhookSigner.signatureHeader, value: WebhookSigner.signature(timestamp: timestamp, body: body, secret: due.secret))
        request.headers.add(name: WebhookSigner.timestampHeader, value: timestamp)
        request.headers.add(name: WebhookSigner.eventHeader, value: due.delivery.event)
        request.headers.add(name: WebhookSigner.deliveryHeader, value: due.delivery.id.uuidString.lowercased())
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await OutboundHTTP.execute(request, policy: outbound, client: client, timeout: timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            if (300..<400).contains(status) {
                return (false, status, "the endpoint answered HTTP \(status); webhook calls follow no redirect")
            }
            return (200..<300).contains(status) ? (true, status, nil) : (false, status, "the endpoint answered HTTP \(status)")
        } catch let refusal as OutboundRefusal {
            return (false, nil, refusal.description)  // names the host and the range, not the URL
        } catch let failure as OutboundCallError {
            // The failure's target may be the whole URL, whose query can hold a token: the host only.
            return (false, nil, "\(URL(string: due.url)?.host ?? "the endpoint"): \(failure.reason)")
        } catch {
            // Only the error's kind: its text may carry the URL's query, which can hold a token.
            return (false, nil, "the call failed: \(String(describing: type(of: error)))")
        }
    }
}
