import Foundation
import KakehashiCore
import SQLKit

extension IncidentRepository {
    /// Every delivery of the incident's submissions, oldest first.
    public func deliveries(incidentID: UUID) async throws -> [DeliveryRecord] {
        try await database.read { db in
            try await db.select().column("*").from("incident_deliveries").where("incident_id", .equal, incidentID.dbText)
                .orderBy("version").orderBy("delivered_at").all().map(Self.decodeDelivery)
        }
    }

    /// The delivery with receipt id `id`, if any.
    public func delivery(id: UUID) async throws -> DeliveryRecord? {
        try await database.read { db in
            try await db.select().column("*").from("incident_deliveries").where("id", .equal, id.dbText).first().map(Self.decodeDelivery)
        }
    }

    /// What `organisation` has received, newest first.
    public func inbox(recipient organisation: UUID, limit: Int = 200) async throws -> [DeliveryRecord] {
        try await database.read { db in
            try await db.select().column("*").from("incident_deliveries").where("recipient_org", .equal, organisation.dbText)
                .orderBy("delivered_at", .descending).limit(limit).all().map(Self.decodeDelivery)
        }
    }

    /// Whether `organisation` received any submission of the incident.
    public func isRecipient(_ organisation: UUID, of incidentID: UUID) async throws -> Bool {
        try await database.read { db in
            try await db.select().column("id").from("incident_deliveries")
                .where("incident_id", .equal, incidentID.dbText).where("recipient_org", .equal, organisation.dbText)
                .limit(1).first() != nil
        }
    }

    /// Marks a delivery acknowledged; acknowledging twice keeps the first acknowledgement.
    /// - Returns: the delivery as stored afterwards.
    public func acknowledge(id: UUID, by username: String, at now: Date, audit: AuditRecord) async throws -> DeliveryRecord {
        let engine = database.engine
        return try await database.transaction { db in
            try await db.update("incident_deliveries")
                .set("state", to: DeliveryRecord.State.acknowledged.rawValue).set("acknowledged_by", to: username).set("acknowledged_at", to: now.micros)
                .where("id", .equal, id.dbText).where("state", .equal, DeliveryRecord.State.delivered.rawValue).run()
            guard let row = try await db.select().column("*").from("incident_deliveries").where("id", .equal, id.dbText).first() else {
                throw StorageError(.notFound, "no delivery has the receipt id \(id.dbText)")
            }
            try await AuditLog.append(audit, on: db, engine: engine, now: now)
            return try Self.decodeDelivery(row)
        }
    }

    static func decodeDelivery(_ row: any SQLRow) throws -> DeliveryRecord {
        DeliveryRecord(
            id: try row.uuid("id"),
            incidentID: try row.uuid("incident_id"),
            version: Int(try row.decode(column: "version", as: Int64.self)),
            recipientOrganisation: try row.uuid("recipient_org"),
            authorities: try row.decode(column: "authorities", as: String.self).splitList,
            regimes: try row.decode(column: "regimes", as: String.self).splitList,
            deliveredAt: try row.date("delivered_at"),
            state: try row.enumValue("state", as: DeliveryRecord.State.self),
            acknowledgedBy: try row.decode(column: "acknowledged_by", as: String?.self),
            acknowledgedAt: try row.optionalDate("acknowledged_at")
        )
    }
}
