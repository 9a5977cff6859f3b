import Foundation
import KakehashiCore
import SQLKit

extension IncidentRepository {
    /// Every delivery of the incident's submissions, oldest first.
    public func deliveries(incidentID: UUID) async throws -> [DeliveryRecord] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.IncidentDeliveries.table).where(Schema.IncidentDeliveries.incidentID, .equal, incidentID.dbText)
                .orderBy(Schema.IncidentDeliveries.version).orderBy(Schema.IncidentDeliveries.deliveredAt).all().map(Self.decodeDelivery)
        }
    }

    /// The delivery with receipt id `id`, if any.
    public func delivery(id: UUID) async throws -> DeliveryRecord? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.IncidentDeliveries.table).where(Schema.IncidentDeliveries.id, .equal, id.dbText).first().map(Self.decodeDelivery)
        }
    }

    /// What `organisation` has received, newest first.
    public func inbox(recipient organisation: UUID, limit: Int = 200) async throws -> [DeliveryRecord] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.IncidentDeliveries.table).where(Schema.IncidentDeliveries.recipientOrg, .equal, organisation.dbText)
                .orderBy(Schema.IncidentDeliveries.deliveredAt, .descending).limit(limit).all().map(Self.decodeDelivery)
        }
    }

    /// Whether `organisation` received any submission of the incident.
    public func isRecipient(_ organisation: UUID, of incidentID: UUID) async throws -> Bool {
        try await database.read { db in
            try await db.select().column(Schema.IncidentDeliveries.id).from(Schema.IncidentDeliveries.table)
                .where(Schema.IncidentDeliveries.incidentID, .equal, incidentID.dbText).where(Schema.IncidentDeliveries.recipientOrg, .equal, organisation.dbText)
                .limit(1).first() != nil
        }
    }

    /// Marks a delivery acknowledged; acknowledging twice keeps the first acknowledgement.
    /// - Returns: the delivery as stored afterwards.
    public func acknowledge(id: UUID, by username: String, at now: Date, audit: AuditRecord) async throws -> DeliveryRecord {
        return try await database.transaction { db in
            try await db.update(Schema.IncidentDeliveries.table)
                .set(Schema.IncidentDeliveries.state, to: DeliveryRecord.State.acknowledged.rawValue).set(Schema.IncidentDeliveries.acknowledgedBy, to: username).set(Schema.IncidentDeliveries.acknowledgedAt, to: now.micros)
                .where(Schema.IncidentDeliveries.id, .equal, id.dbText).where(Schema.IncidentDeliveries.state, .equal, DeliveryRecord.State.delivered.rawValue).run()
            guard let row = try await db.select().column("*").from(Schema.IncidentDeliveries.table).where(Schema.IncidentDeliveries.id, .equal, id.dbText).first() else {
                throw StorageError(.notFound, "no delivery has the receipt id \(id.dbText)")
            }
            try await AuditLog.append(audit, on: db, now: now)
            return try Self.decodeDelivery(row)
        }
    }

    static func decodeDelivery(_ row: any SQLRow) throws -> DeliveryRecord {
        DeliveryRecord(
            id: try row.uuid(Schema.IncidentDeliveries.id),
            incidentID: try row.uuid(Schema.IncidentDeliveries.incidentID),
            version: Int(try row.decode(column: Schema.IncidentDeliveries.version, as: Int64.self)),
            recipientOrganisation: try row.uuid(Schema.IncidentDeliveries.recipientOrg),
            authorities: try row.decode(column: Schema.IncidentDeliveries.authorities, as: String.self).splitList,
            regimes: try row.decode(column: Schema.IncidentDeliveries.regimes, as: String.self).splitList,
            deliveredAt: try row.date(Schema.IncidentDeliveries.deliveredAt),
            state: try row.enumValue(Schema.IncidentDeliveries.state, as: DeliveryRecord.State.self),
            acknowledgedBy: try row.decode(column: Schema.IncidentDeliveries.acknowledgedBy, as: String?.self),
            acknowledgedAt: try row.optionalDate(Schema.IncidentDeliveries.acknowledgedAt)
        )
    }
}
