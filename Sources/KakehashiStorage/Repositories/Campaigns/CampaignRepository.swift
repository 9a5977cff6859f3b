import Foundation
import KakehashiCore
import SQLKit

/// Campaigns and the status reports filed during them (the sector status board).
public struct CampaignRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Opens a campaign.
    public func open(_ campaign: Campaign, audit: AuditRecord, now: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.insert(into: Schema.Campaigns.table)
                .columns(Schema.Campaigns.id, Schema.Campaigns.titleJa, Schema.Campaigns.titleEn, Schema.Campaigns.summary, Schema.Campaigns.sectors, Schema.Campaigns.openedBy, Schema.Campaigns.openedAt, Schema.Campaigns.closedAt)
                .values(SQLBind(campaign.id.dbText), SQLBind(campaign.titleJa), SQLBind(campaign.titleEn), SQLBind(campaign.summary),
                        SQLBind(campaign.sectors.map(\.rawValue).joined(separator: ",")), SQLBind(campaign.openedBy.dbText),
                        SQLBind(campaign.openedAt.micros), SQLBind(campaign.closedAt?.micros))
                .run()
            try await AuditLog.append(audit, on: db, now: now)
        }
    }

    /// Closes a campaign; its board stays readable.
    /// - Throws: ``StorageError`` `notFound` for an unknown id, `conflict` when it is already closed.
    public func close(_ id: UUID, at time: Date, audit: AuditRecord) async throws {
        try await database.transaction { db in
            guard let campaign = try await Self.campaign(id, on: db) else { throw StorageError(.notFound, "campaign \(id.dbText) does not exist") }
            guard campaign.isOpen else { throw StorageError(.conflict, "campaign \(id.dbText) is already closed") }
            try await db.update(Schema.Campaigns.table).set(Schema.Campaigns.closedAt, to: time.micros).where(Schema.Campaigns.id, .equal, id.dbText).run()
            try await AuditLog.append(audit, on: db, now: time)
        }
    }

    /// The campaign with `id`, if any.
    public func campaign(_ id: UUID) async throws -> Campaign? {
        try await database.read { db in try await Self.campaign(id, on: db) }
    }

    /// Every campaign, open ones first, newest first.
    public func list() async throws -> [Campaign] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Campaigns.table).orderBy(Schema.Campaigns.openedAt, .descending).all().map(Self.decodeCampaign)
        }.sorted { ($0.isOpen ? 0 : 1) < ($1.isOpen ? 0 : 1) }
    }

    /// Files a report; refused when the campaign is closed or unknown.
    /// - Throws: ``StorageError`` `notFound` / `conflict`.
    public func report(_ report: StatusReport, audit: AuditRecord) async throws {
        try await database.transaction { db in
            guard let campaign = try await Self.campaign(report.campaignID, on: db) else {
                throw StorageError(.notFound, "campaign \(report.campaignID.dbText) does not exist")
            }
            guard campaign.isOpen else { throw StorageError(.conflict, "campaign \(report.campaignID.dbText) is closed; its board no longer takes reports") }
            try await db.insert(into: Schema.StatusReports.table)
                .columns(Schema.StatusReports.id, Schema.StatusReports.campaignID, Schema.StatusReports.organisationID, Schema.StatusReports.state, Schema.StatusReports.note, Schema.StatusReports.reportedBy, Schema.StatusReports.reportedAt)
                .values(SQLBind(UUID().dbText), SQLBind(report.campaignID.dbText), SQLBind(report.organisationID.dbText), SQLBind(report.state.rawValue),
                        SQLBind(report.note), SQLBind(report.reportedBy), SQLBind(report.reportedAt.micros))
                .run()
            try await AuditLog.append(audit, on: db, now: report.reportedAt)
        }
    }

    /// Every report filed in a campaign, oldest first.
    public func reports(campaign id: UUID) async throws -> [StatusReport] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.StatusReports.table).where(Schema.StatusReports.campaignID, .equal, id.dbText)
                .orderBy(Schema.StatusReports.reportedAt).orderBy(Schema.StatusReports.id).all().map { row in
                    StatusReport(campaignID: try row.uuid(Schema.StatusReports.campaignID), organisationID: try row.uuid(Schema.StatusReports.organisationID),
                                 state: try row.enumValue(Schema.StatusReports.state, as: OperationalState.self), note: try row.decode(column: Schema.StatusReports.note, as: String.self),
                                 reportedBy: try row.decode(column: Schema.StatusReports.reportedBy, as: String.self), reportedAt: try row.date(Schema.StatusReports.reportedAt))
                }
        }
    }

    static func campaign(_ id: UUID, on db: any SQLDatabase) async throws -> Campaign? {
        try await db.select().column("*").from(Schema.Campaigns.table).where(Schema.Campaigns.id, .equal, id.dbText).first().map(decodeCampaign)
    }

    static func decodeCampaign(_ row: any SQLRow) throws -> Campaign {
        let sectors = try row.decode(column: Schema.Campaigns.sectors, as: String.self).split(separator: ",").map { name in
            guard let sector = Sector(rawValue: String(name)) else { throw StorageError(.invalid, "campaign sector '\(name)' is unknown") }
            return sector
        }
        return Campaign(id: try row.uuid(Schema.Campaigns.id), titleJa: try row.decode(column: Schema.Campaigns.titleJa, as: String.self), titleEn: try row.decode(column: Schema.Campaigns.titleEn, as: String.self),
                        summary: try row.decode(column: Schema.Campaigns.summary, as: String.self), sectors: sectors, openedBy: try row.uuid(Schema.Campaigns.openedBy),
                        openedAt: try row.date(Schema.Campaigns.openedAt), closedAt: try row.optionalDate(Schema.Campaigns.closedAt))
    }
}
