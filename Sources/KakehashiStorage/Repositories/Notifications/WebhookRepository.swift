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
        try await database.transaction { db in
            try await db.insert(into: Schema.WebhookEndpoints.table).columns(Schema.WebhookEndpoints.id, Schema.WebhookEndpoints.organisationID, Schema.WebhookEndpoints.url, Schema.WebhookEndpoints.secret, Schema.WebhookEndpoints.active, Schema.WebhookEndpoints.createdAt)
                .values(SQLBind(endpoint.id.dbText), SQLBind(endpoint.organisationID.dbText), SQLBind(endpoint.url), SQLBind(endpoint.secret),
                        SQLBind(endpoint.active ? 1 : 0), SQLBind(endpoint.createdAt.micros))
                .run()
            try await AuditLog.append(audit, on: db)
        }
    }

    /// The endpoints of `organisation`.
    public func endpoints(of organisation: UUID) async throws -> [WebhookEndpoint] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.WebhookEndpoints.table).where(Schema.WebhookEndpoints.organisationID, .equal, organisation.dbText)
                .orderBy(Schema.WebhookEndpoints.createdAt).all().map(Self.decodeEndpoint)
        }
    }

    /// The endpoint with `id`, if any.
    public func endpoint(id: UUID) async throws -> WebhookEndpoint? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.WebhookEndpoints.table).where(Schema.WebhookEndpoints.id, .equal, id.dbText).first().map(Self.decodeEndpoint)
        }
    }

    /// Stops calling an endpoint (its log is kept); pending calls to it are given up.
    public func deactivate(id: UUID, audit: AuditRecord) async throws {
        try await database.transaction { db in
            try await db.update(Schema.WebhookEndpoints.table).set(Schema.WebhookEndpoints.active, to: 0).where(Schema.WebhookEndpoints.id, .equal, id.dbText).run()
            try await db.update(Schema.WebhookDeliveries.table).set(Schema.WebhookDeliveries.state, to: WebhookDelivery.State.failed.rawValue).set(Schema.WebhookDeliveries.lastError, to: "endpoint removed")
                .where(Schema.WebhookDeliveries.endpointID, .equal, id.dbText).where(Schema.WebhookDeliveries.state, .equal, WebhookDelivery.State.pending.rawValue).run()
            try await AuditLog.append(audit, on: db)
        }
    }

    /// Queues `notification` for every active endpoint of its organisation, inside the caller's transaction.
    static func enqueue(_ notification: PlannedNotification, on db: any SQLDatabase, now: Date) async throws {
        let endpoints = try await db.select().column(Schema.WebhookEndpoints.id).from(Schema.WebhookEndpoints.table)
            .where(Schema.WebhookEndpoints.organisationID, .equal, notification.organisation.dbText).where(Schema.WebhookEndpoints.active, .equal, 1).all()
        for endpoint in endpoints {
            try await db.insert(into: Schema.WebhookDeliveries.table)
                .columns(Schema.WebhookDeliveries.id, Schema.WebhookDeliveries.endpointID, Schema.WebhookDeliveries.event, Schema.WebhookDeliveries.payload, Schema.WebhookDeliveries.state, Schema.WebhookDeliveries.attempts, Schema.WebhookDeliveries.nextAttemptAt, Schema.WebhookDeliveries.lastStatus, Schema.WebhookDeliveries.lastError, Schema.WebhookDeliveries.createdAt, Schema.WebhookDeliveries.deliveredAt)
                .values(SQLBind(UUID().dbText), SQLBind(try endpoint.decode(column: Schema.WebhookDeliveries.id, as: String.self)), SQLBind(notification.event), SQLBind(notification.payload),
                        SQLBind(WebhookDelivery.State.pending.rawValue), SQLBind(Int64(0)), SQLBind(now.micros), SQLBind(Int64?.none), SQLBind(String?.none),
                        SQLBind(now.micros), SQLBind(Int64?.none))
                .run()
        }
    }

    /// The log of an endpoint, newest first.
    public func log(endpointID: UUID, limit: Int = 200) async throws -> [WebhookDelivery] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.WebhookDeliveries.table).where(Schema.WebhookDeliveries.endpointID, .equal, endpointID.dbText)
                .orderBy(Schema.WebhookDeliveries.createdAt, .descending).limit(limit).all().map(Self.decodeDelivery)
        }
    }

    static func decodeEndpoint(_ row: any SQLRow) throws -> WebhookEndpoint {
        WebhookEndpoint(
            id: try row.uuid(Schema.WebhookDeliveries.id), organisationID: try row.uuid(Schema.WebhookEndpoints.organisationID),
            url: try row.decode(column: Schema.WebhookEndpoints.url, as: String.self), secret: try row.decode(column: Schema.WebhookEndpoints.secret, as: String.self),
            active: try row.decode(column: Schema.WebhookEndpoints.active, as: Int64.self) != 0, createdAt: try row.date(Schema.WebhookDeliveries.createdAt)
        )
    }

    static func decodeDelivery(_ row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.uuid(Schema.WebhookDeliveries.id), endpointID: try row.uuid(Schema.WebhookDeliveries.endpointID),
            event: try row.decode(column: Schema.WebhookDeliveries.event, as: String.self), payload: try row.decode(column: Schema.WebhookDeliveries.payload, as: String.self),
            state: try row.enumValue(Schema.WebhookDeliveries.state, as: WebhookDelivery.State.self),
            attempts: Int(try row.decode(column: Schema.WebhookDeliveries.attempts, as: Int64.self)),
            nextAttemptAt: try row.date(Schema.WebhookDeliveries.nextAttemptAt),
            lastStatus: try row.decode(column: Schema.WebhookDeliveries.lastStatus, as: Int64?.self).map(Int.init),
            lastError: try row.decode(column: Schema.WebhookDeliveries.lastError, as: String?.self),
            createdAt: try row.date(Schema.WebhookDeliveries.createdAt), deliveredAt: try row.optionalDate(Schema.WebhookDeliveries.deliveredAt)
        )
    }
}
