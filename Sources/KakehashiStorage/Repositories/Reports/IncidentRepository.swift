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
        let engine = database.engine
        try await database.transaction { db in
            try await db.insert(into: "incidents")
                .columns("id", "reporter_org", "status", "category", "latest_version", "created_by", "created_at", "updated_at")
                .values(
                    SQLBind(incident.id.dbText), SQLBind(incident.reporterOrganisation.dbText), SQLBind(incident.status.rawValue),
                    SQLBind(incident.category), SQLBind(Int64(incident.latestVersion)), SQLBind(incident.createdBy),
                    SQLBind(incident.createdAt.micros), SQLBind(incident.updatedAt.micros)
                )
                .run()
            try await Self.writeDraft(draft, on: db)
            try await AuditLog.append(audit, on: db, engine: engine, now: draft.savedAt)
        }
    }

    /// Replaces the incident's draft (and its listed category).
    /// - Throws: ``StorageError`` `notFound` for an unknown incident.
    public func saveDraft(_ draft: DraftRecord, category: String, audit: AuditRecord) async throws {
        let engine = database.engine
        try await database.transaction { db in
            _ = try await Self.lock(draft.incidentID, on: db, engine: engine)
            try await Self.writeDraft(draft, on: db)
            try await db.update("incidents").set("category", to: category).set("updated_at", to: draft.savedAt.micros)
                .where("id", .equal, draft.incidentID.dbText).run()
            try await AuditLog.append(audit, on: db, engine: engine, now: draft.savedAt)
        }
    }

    /// Locks the incident's row for the transaction (PostgreSQL; SQLite holds the write lock already).
    static func lock(_ id: UUID, on db: any SQLDatabase, engine: HubDatabase.Engine) async throws -> IncidentRecord {
        let query: SQLQueryString = engine == .postgres
            ? "SELECT * FROM incidents WHERE id = \(bind: id.dbText) FOR UPDATE"
            : "SELECT * FROM incidents WHERE id = \(bind: id.dbText)"
        guard let row = try await db.raw(query).first() else {
            throw StorageError(.notFound, "no incident has the id \(id.dbText)")
        }
        return try decodeIncident(row)
    }

    static func writeDraft(_ draft: DraftRecord, on db: any SQLDatabase) async throws {
        try await db.delete(from: "incident_drafts").where("incident_id", .equal, draft.incidentID.dbText).run()
        try await db.insert(into: "incident_drafts").columns("incident_id", "json", "saved_by", "saved_at")
            .values(SQLBind(draft.incidentID.dbText), SQLBind(draft.json), SQLBind(draft.savedBy), SQLBind(draft.savedAt.micros))
            .run()
    }

    /// The incident with `id`, if any.
    public func find(id: UUID) async throws -> IncidentRecord? {
        try await database.read { db in
            try await db.select().column("*").from("incidents").where("id", .equal, id.dbText).first().map(Self.decodeIncident)
        }
    }

    /// Incidents reported by `organisation`, newest change first.
    public func list(reporter organisation: UUID, limit: Int = 200) async throws -> [IncidentRecord] {
        try await database.read { db in
            try await db.select().column("*").from("incidents").where("reporter_org", .equal, organisation.dbText)
                .orderBy("updated_at", .descending).limit(limit).all().map(Self.decodeIncident)
        }
    }

    /// The incident's draft, if one is saved.
    public func draft(incidentID: UUID) async throws -> DraftRecord? {
        try await database.read { db in
            try await db.select().column("*").from("incident_drafts").where("incident_id", .equal, incidentID.dbText).first().map { row in
                DraftRecord(incidentID: try row.uuid("incident_id"), json: try row.decode(column: "json", as: String.self),
                            savedBy: try row.decode(column: "saved_by", as: String.self), savedAt: try row.date("saved_at"))
            }
        }
    }

    /// Every submitted version, oldest first.
    public func submissions(incidentID: UUID) async throws -> [SubmissionRecord] {
        try await database.read { db in
            try await db.select().column("*").from("incident_submissions").where("incident_id", .equal, incidentID.dbText)
                .orderBy("version").all().map(Self.decodeSubmission)
        }
    }

    static func decodeIncident(_ row: any SQLRow) throws -> IncidentRecord {
        IncidentRecord(
            id: try row.uuid("id"),
            reporterOrganisation: try row.uuid("reporter_org"),
            status: try row.enumValue("status", as: IncidentRecord.Status.self),
            category: try row.decode(column: "category", as: String.self),
            latestVersion: Int(try row.decode(column: "latest_version", as: Int64.self)),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at")
        )
    }

    static func decodeSubmission(_ row: any SQLRow) throws -> SubmissionRecord {
        SubmissionRecord(
            incidentID: try row.uuid("incident_id"),
            version: Int(try row.decode(column: "version", as: Int64.self)),
            kind: try row.enumValue("kind", as: SubmissionKind.self),
            json: try row.decode(column: "json", as: String.self),
            unassignedAuthorities: try row.decode(column: "unassigned", as: String.self).splitList,
            submittedBy: try row.decode(column: "submitted_by", as: String.self),
            submittedAt: try row.date("submitted_at")
        )
    }
}

extension String {
    /// A comma-separated column split into its items (empty text is an empty list).
    var splitList: [String] { split(separator: ",").map(String.init) }
}
