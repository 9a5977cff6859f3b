import Foundation
import KakehashiCore
import SQLKit

extension WebhookRepository {
    /// Claims up to `limit` due calls: each is leased until `now + lease`, so another dispatcher (also in
    /// another hub process) does not make the same call while this one is at it.
    public func claimDue(now: Date, lease: TimeInterval, limit: Int = 20) async throws -> [DueWebhook] {
        return try await database.transaction { db in
            // SKIP LOCKED lets another process's claim pass the rows this one holds; SQLKit's locking
            // clause cannot say it, and SQLite (no row locks: the transaction holds the write lock) needs none.
            let lock = db.dialect.locksSelectedRows ? " FOR UPDATE OF d SKIP LOCKED" : ""
            let query: SQLQueryString = """
                SELECT d.*, e.\(Schema.WebhookEndpoints.url) AS endpoint_url, e.\(Schema.WebhookEndpoints.secret) AS endpoint_secret
                FROM \(Schema.WebhookDeliveries.table) d JOIN \(Schema.WebhookEndpoints.table) e ON e.\(Schema.WebhookEndpoints.id) = d.\(Schema.WebhookDeliveries.endpointID)
                WHERE d.\(Schema.WebhookDeliveries.state) = \(bind: WebhookDelivery.State.pending.rawValue) AND d.\(Schema.WebhookDeliveries.nextAttemptAt) <= \(bind: now.micros)
                ORDER BY d.\(Schema.WebhookDeliveries.nextAttemptAt) LIMIT \(unsafeRaw: String(max(1, limit)) + lock)
                """
            var due: [DueWebhook] = []
            for row in try await db.raw(query).all() {
                var delivery = try Self.decodeDelivery(row)
                delivery.nextAttemptAt = now.addingTimeInterval(lease)
                try await db.update(Schema.WebhookDeliveries.table).set(Schema.WebhookDeliveries.nextAttemptAt, to: delivery.nextAttemptAt.micros)
                    .where(Schema.WebhookDeliveries.id, .equal, delivery.id.dbText).run()
                due.append(DueWebhook(delivery: delivery, url: try row.decode(column: "endpoint_url", as: String.self),
                                      secret: try row.decode(column: "endpoint_secret", as: String.self)))
            }
            return due
        }
    }

    /// Records one attempt: delivered, retry at `retryAt`, or (with `retryAt` nil) given up.
    public func recordAttempt(id: UUID, succeeded: Bool, status: Int?, error: String?, retryAt: Date?, now: Date) async throws {
        try await database.transaction { db in
            let state: WebhookDelivery.State = succeeded ? .delivered : (retryAt == nil ? .failed : .pending)
            try await db.raw("""
                UPDATE webhook_deliveries SET attempts = attempts + 1, state = \(bind: state.rawValue),
                  last_status = \(bind: status.map { Int64($0) }), last_error = \(bind: error),
                  next_attempt_at = \(bind: (retryAt ?? now).micros), delivered_at = \(bind: succeeded ? now.micros : nil)
                WHERE id = \(bind: id.dbText)
                """).run()
        }
    }
}
