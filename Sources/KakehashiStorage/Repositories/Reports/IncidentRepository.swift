import Foundation
import KakehashiCore
import SQLKit

/// Stores incidents, their drafts, immutable submissions and deliveries.
///
/// Every write takes an ``AuditRecord`` that commits in the same transaction.
public struct IncidentRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Creates an incident with its first draft.
    public func create(_ incident: IncidentRecord, draft: DraftRecord, audit: AuditRecord) async throws {
        try await database.transaction { db in
            try await Self.insert(incident, draft: draft, on: db)
            try await AuditLog.append(audit, on: db, now: draft.savedAt)
        }
    }

    /// Writes a new incident and its first draft inside the caller's transaction (a consultation becoming a report uses it too).
    static func insert(_ incident: IncidentRecord, draft: DraftRecord, on db: any SQLDatabase) async throws {
        try await db.insert(into: Schema.Incidents.table)
            .columns(Schema.Incidents.id, Schema.Incidents.reporterOrg, Schema.Incidents.status, Schema.Incidents.category, Schema.Incidents.latestVersion, Schema.Incidents.createdBy, Schema.Incidents.createdAt, Schema.Incidents.updatedAt)
            .values(
                SQLBind(incident.id.dbText), SQLBind(incident.reporterOrganisation.dbText), SQLBind(incident.status.rawValue),
                SQLBind(incident.category), SQLBind(Int64(incident.latestVersion)), SQLBind(incident.createdBy),
                SQLBind(incident.createdAt.micros), SQLBind(incident.updatedAt.micros)
            )
            .run()
        try await Self.writeDraft(draft, on: db)
    }

    /// Replaces the incident's draft (and its listed category).
    /// - Throws: ``StorageError`` `notFound` for an unknown incident.
    public func saveDraft(_ draft: DraftRecord, category: String, audit: AuditRecord) async throws {
        try await database.transaction { db in
            _ = try await Self.lock(draft.incidentID, on: db)
            try await Self.writeDraft(draft, on: db)
            try await db.update(Schema.Incidents.table).set(Schema.Incidents.category, to: category).set(Schema.Incidents.updatedAt, to: draft.savedAt.micros)
                .where(Schema.Incidents.id, .equal, draft.incidentID.dbText).run()
            try await AuditLog.append(audit, on: db, now: draft.savedAt)
        }
    }

    /// Locks the incident's row for the transaction (PostgreSQL; SQLite holds the write lock already,
    /// and its dialect omits the locking clause).
    static func lock(_ id: UUID, on db: any SQLDatabase) async throws -> IncidentRecord {
        guard let row = try await db.select().column("*").from(Schema.Incidents.table).where(Schema.Incidents.id, .equal, id.dbText).for(.update).first() else {
            throw StorageError(.notFound, "no incident has the id \(id.dbText)")
        }
        return try decodeIncident(row)
    }

    static func writeDraft(_ draft: DraftRecord, on db: any SQLDatabase) async throws {
        try await db.delete(from: Schema.IncidentDrafts.table).where(Schema.IncidentDrafts.incidentID, .equal, draft.incidentID.dbText).run()
        try await db.insert(into: Schema.IncidentDrafts.table).columns(Schema.IncidentDrafts.incidentID, Schema.IncidentDrafts.json, Schema.IncidentDrafts.savedBy, Schema.IncidentDrafts.savedAt)
            .values(SQLBind(draft.incidentID.dbText), SQLBind(draft.json), SQLBind(draft.savedBy), SQLBind(draft.savedAt.micros))
            .run()
    }

    /// The incident with `id`, if any.
    public func find(id: UUID) async throws -> IncidentRecord? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Incidents.table).where(Schema.Incidents.id, .equal, id.dbText).first().map(Self.decodeIncident)
        }
    }

    /// Incidents reported by `organisation`, newest change first.
    public func list(reporter organisation: UUID, limit: Int = 200) async throws -> [IncidentRecord] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Incidents.table).where(Schema.Incidents.reporterOrg, .equal, organisation.dbText)
                .orderBy(Schema.Incidents.updatedAt, .descending).limit(limit).all().map(Self.decodeIncident)
        }
    }

    /// The incident's draft, if one is saved.
    public func draft(incidentID: UUID) async throws -> DraftRecord? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.IncidentDrafts.table).where(Schema.IncidentDrafts.incidentID, .equal, incidentID.dbText).first().map { row in
                DraftRecord(incidentID: try row.uuid(Schema.IncidentDrafts.incidentID), json: try row.decode(column: Schema.IncidentDrafts.json, as: String.self),
                            savedBy: try row.decode(column: Schema.IncidentDrafts.savedBy, as: String.self), savedAt: try row.date(Schema.IncidentDrafts.savedAt))
            }
        }
    }

    /// Every submitted version, oldest first.
    public func submissions(incidentID: UUID) async throws -> [SubmissionRecord] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.IncidentSubmissions.table).where(Schema.IncidentSubmissions.incidentID, .equal, incidentID.dbText)
                .orderBy(Schema.IncidentSubmissions.version).all().map(Self.decodeSubmission)
        }
    }

    static func decodeIncident(_ row: any SQLRow) throws -> IncidentRecord {
        IncidentRecord(
            id: try row.uuid(Schema.Incidents.id),
            reporterOrganisation: try row.uuid(Schema.Incidents.reporterOrg),
            status: try row.enumValue(Schema.Incidents.status, as: IncidentRecord.Status.self),
            category: try row.decode(column: Schema.Incidents.category, as: String.self),
            latestVersion: Int(try row.decode(column: Schema.Incidents.latestVersion, as: Int64.self)),
            createdBy: try row.decode(column: Schema.Incidents.createdBy, as: String.self),
            createdAt: try row.date(Schema.Incidents.createdAt),
            updatedAt: try row.date(Schema.Incidents.updatedAt)
        )
    }

    static func decodeSubmission(_ row: any SQLRow) throws -> SubmissionRecord {
        SubmissionRecord(
            incidentID: try row.uuid(Schema.IncidentSubmissions.incidentID),
            version: Int(try row.decode(column: Schema.IncidentSubmissions.version, as: Int64.self)),
            kind: try row.enumValue(Schema.IncidentSubmissions.kind, as: SubmissionKind.self),
            json: try row.decode(column: Schema.IncidentSubmissions.json, as: String.self),
            unassignedAuthorities: try row.decode(column: Schema.IncidentSubmissions.unassigned, as: String.self).splitList,
            submittedBy: try row.decode(column: Schema.IncidentSubmissions.submittedBy, as: String.self),
            submittedAt: try row.date(Schema.IncidentSubmissions.submittedAt)
        )
    }
}

extension String {
    /// A comma-separated column split into its items (empty text is an empty list).
    var splitList: [String] { split(separator: ",").map(String.init) }
}
