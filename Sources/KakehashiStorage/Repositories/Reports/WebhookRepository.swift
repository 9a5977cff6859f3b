import Foundation
import KakehashiCore
import SQLKit

/// Webhook endpoints per organisation, and the queue that is also the delivery log.
public struct WebhookRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Adds an endpoint.
    public func create(_ endpoint: WebhookEndpoint, audit: AuditRecord) async throws {
        let engine = database.engine
        try await database.transaction { db in
            try await db.insert(into: "webhook_endpoints").columns("id", "organisation_id", "url", "secret", "active", "created_at")
                .values(SQLBind(endpoint.id.dbText), SQLBind(endpoint.organisationID.dbText), SQLBind(endpoint.url), SQLBind(endpoint.secret),
                        SQLBind(endpoint.active ? 1 : 0), SQLBind(endpoint.createdAt.micros))
                .run()
            try await AuditLog.append(audit, on: db, engine: engine)
        }
    }

    /// The endpoints of `organisation`.
    public func endpoints(of organisation: UUID) async throws -> [WebhookEndpoint] {
        try await database.read { db in
            try await db.select().column("*").from("webhook_endpoints").where("organisation_id", .equal, organisation.dbText)
                .orderBy("created_at").all().map(Self.decodeEndpoint)
        }
    }

    /// The endpoint with `id`, if any.
    public func endpoint(id: UUID) async throws -> WebhookEndpoint? {
        try await database.read { db in
            try await db.select().column("*").from("webhook_endpoints").where("id", .equal, id.dbText).first().map(Self.decodeEndpoint)
        }
    }

    /// Stops calling an endpoint (its log is kept); pending calls to it are given up.
    public func deactivate(id: UUID, audit: AuditRecord) async throws {
        let engine = database.engine
        try await database.transaction { db in
            try await db.update("webhook_endpoints").set("active", to: 0).where("id", .equal, id.dbText).run()
            try await db.update("webhook_deliveries").set("state", to: WebhookDelivery.State.failed.rawValue).set("last_error", to: "endpoint removed")
                .where("endpoint_id", .equal, id.dbText).where("state", .equal, WebhookDelivery.State.pending.rawValue).run()
            try await AuditLog.append(audit, on: db, engine: engine)
        }
    }

    /// Queues `notification` for every active endpoint of its organisation, inside the caller's transaction.
    static func enqueue(_ notification: PlannedNotification, on db: any SQLDatabase, now: Date) async throws {
        let endpoints = try await db.select().column("id").from("webhook_endpoints")
            .where("organisation_id", .equal, notification.organisation.dbText).where("active", .equal, 1).all()
        for endpoint in endpoints {
            try await db.insert(into: "webhook_deliveries")
                .columns("id", "endpoint_id", "event", "payload", "state", "attempts", "next_attempt_at", "last_status", "last_error", "created_at", "delivered_at")
                .values(SQLBind(UUID().dbText), SQLBind(try endpoint.decode(column: "id", as: String.self)), SQLBind(notification.event), SQLBind(notification.payload),
                        SQLBind(WebhookDelivery.State.pending.rawValue), SQLBind(Int64(0)), SQLBind(now.micros), SQLBind(Int64?.none), SQLBind(String?.none),
                        SQLBind(now.micros), SQLBind(Int64?.none))
                .run()
        }
    }

    /// The log of an endpoint, newest first.
    public func log(endpointID: UUID, limit: Int = 200) async throws -> [WebhookDelivery] {
        try await database.read { db in
            try await db.select().column("*").from("webhook_deliveries").where("endpoint_id", .equal, endpointID.dbText)
                .orderBy("created_at", .descending).limit(limit).all().map(Self.decodeDelivery)
        }
    }

    static func decodeEndpoint(_ row: any SQLRow) throws -> WebhookEndpoint {
        WebhookEndpoint(
            id: try row.uuid("id"), organisationID: try row.uuid("organisation_id"),
            url: try row.decode(column: "url", as: String.self), secret: try row.decode(column: "secret", as: String.self),
            active: try row.decode(column: "active", as: Int64.self) != 0, createdAt: try row.date("created_at")
        )
    }

    static func decodeDelivery(_ row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.uuid("id"), endpointID: try row.uuid("endpoint_id"),
            event: try row.decode(column: "event", as: String.self), payload: try row.decode(column: "payload", as: String.self),
            state: try row.enumValue("state", as: WebhookDelivery.State.self),
            attempts: Int(try row.decode(column: "attempts", as: Int64.self)),
            nextAttemptAt: try row.date("next_attempt_at"),
            lastStatus: try row.decode(column: "last_status", as: Int64?.self).map(Int.init),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: try row.date("created_at"), deliveredAt: try row.optionalDate("delivered_at")
        )
    }
}
