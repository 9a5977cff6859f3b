import Foundation
import KakehashiCore
import SQLKit

/// The findings matching produced for each organisation, and the organisation's not-applicable decisions.
///
/// ``sync(organisation:findings:now:notify:)`` replaces an organisation's findings with a fresh
/// matching result: new findings are inserted (and notified), changed ones updated, vanished ones
/// removed. Decisions live apart and survive every re-run.
public struct FindingRepository: Sendable {
    /// A finding with when it was first seen and the organisation's decision on it, if any.
    public struct Stored: Sendable, Hashable {
        public var finding: AdvisoryFinding
        public var firstSeen: Date
        public var disposition: FindingDisposition?
    }

    /// What a sync changed.
    public struct Changes: Sendable, Hashable {
        public var added: [AdvisoryFinding] = []
        public var updated = 0
        public var removed = 0

        public init() {}
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Makes `findings` the organisation's findings; returns what changed. `notify` is asked for the
    /// notifications of the new findings that no decision covers, queued in the same transaction.
    @discardableResult
    public func sync(
        organisation: UUID, findings: [AdvisoryFinding], now: Date = Date(),
        notify: @Sendable ([AdvisoryFinding]) -> [PlannedNotification] = { _ in [] }
    ) async throws -> Changes {
        let org = organisation.dbText
        let encoder = JSONEncoder.hub(escapingSlashes: true)  // stored rows are compared by text
        var encoded: [FindingKey: (finding: AdvisoryFinding, json: String)] = [:]
        for finding in findings {
            encoded[finding.key] = (finding, String(decoding: try encoder.encode(finding), as: UTF8.self))
        }
        let fresh = encoded
        return try await database.transaction { db in
            // Two hub processes re-matching the same organisation at once take turns here (SQLite's
            // write lock already serialises whole transactions).
            if db.dialect.locksSelectedRows {
                _ = try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table).where(Schema.Organisations.id, .equal, org).for(.update).all()
            }
            var stored: [FindingKey: String] = [:]
            for row in try await db.select().columns(Schema.AdvisoryFindings.itemID, Schema.AdvisoryFindings.vulnerabilityID, Schema.AdvisoryFindings.json).from(Schema.AdvisoryFindings.table)
                .where(Schema.AdvisoryFindings.organisationID, .equal, org).all() {
                let key = FindingKey(itemID: try row.decode(column: Schema.AdvisoryFindings.itemID, as: String.self), vulnerabilityID: try row.decode(column: Schema.AdvisoryFindings.vulnerabilityID, as: String.self))
                stored[key] = try row.decode(column: Schema.AdvisoryFindings.json, as: String.self)
            }
            var decided = Set<FindingKey>()
            for row in try await db.select().columns(Schema.FindingDispositions.itemID, Schema.FindingDispositions.vulnerabilityID).from(Schema.FindingDispositions.table).where(Schema.FindingDispositions.organisationID, .equal, org).all() {
                decided.insert(FindingKey(itemID: try row.decode(column: Schema.FindingDispositions.itemID, as: String.self), vulnerabilityID: try row.decode(column: Schema.FindingDispositions.vulnerabilityID, as: String.self)))
            }
            var changes = Changes()
            for key in stored.keys.sorted() where fresh[key] == nil {
                try await db.delete(from: Schema.AdvisoryFindings.table).where(Schema.AdvisoryFindings.organisationID, .equal, org)
                    .where(Schema.AdvisoryFindings.itemID, .equal, key.itemID).where(Schema.AdvisoryFindings.vulnerabilityID, .equal, key.vulnerabilityID).run()
                changes.removed += 1
            }
            for key in fresh.keys.sorted() {
                guard let entry = fresh[key] else { continue }
                if let old = stored[key] {
                    guard old != entry.json else { continue }
                    try await db.update(Schema.AdvisoryFindings.table)
                        .set(Schema.AdvisoryFindings.json, to: entry.json).set(Schema.AdvisoryFindings.knownExploited, to: Int64(entry.finding.knownExploited ? 1 : 0))
                        .set(Schema.AdvisoryFindings.severity, to: entry.finding.severityScore).set(Schema.AdvisoryFindings.updatedAt, to: now.micros)
                        .where(Schema.AdvisoryFindings.organisationID, .equal, org).where(Schema.AdvisoryFindings.itemID, .equal, key.itemID).where(Schema.AdvisoryFindings.vulnerabilityID, .equal, key.vulnerabilityID)
                        .run()
                    changes.updated += 1
                } else {
                    try await db.insert(into: Schema.AdvisoryFindings.table)
                        .columns(Schema.AdvisoryFindings.organisationID, Schema.AdvisoryFindings.itemID, Schema.AdvisoryFindings.vulnerabilityID, Schema.AdvisoryFindings.knownExploited, Schema.AdvisoryFindings.severity, Schema.AdvisoryFindings.json, Schema.AdvisoryFindings.firstSeen, Schema.AdvisoryFindings.updatedAt)
                        .values(SQLBind(org), SQLBind(key.itemID), SQLBind(key.vulnerabilityID), SQLBind(Int64(entry.finding.knownExploited ? 1 : 0)),
                                SQLBind(entry.finding.severityScore), SQLBind(entry.json), SQLBind(now.micros), SQLBind(now.micros))
                        .run()
                    if !decided.contains(key) { changes.added.append(entry.finding) }
                }
            }
            changes.added = AdvisoryFinding.ranked(changes.added)
            if !changes.added.isEmpty {
                for notification in notify(changes.added) {
                    try await WebhookRepository.enqueue(notification, on: db, now: now)
                    try await EmailOutbox.enqueue(notification, on: db, now: now)
                }
            }
            return changes
        }
    }

    /// The organisation's findings, ranked (known exploited first), each with its decision.
    public func list(organisation: UUID) async throws -> [Stored] {
        let org = organisation.dbText
        return try await database.read { db in
            var decisions: [FindingKey: FindingDisposition] = [:]
            for row in try await db.select().column("*").from(Schema.FindingDispositions.table).where(Schema.FindingDispositions.organisationID, .equal, org).all() {
                let disposition = try Self.decodeDisposition(row)
                decisions[disposition.key] = disposition
            }
            let decoder = JSONDecoder()
            var result: [Stored] = []
            for row in try await db.select().columns(Schema.AdvisoryFindings.itemID, Schema.AdvisoryFindings.vulnerabilityID, Schema.AdvisoryFindings.json, Schema.AdvisoryFindings.firstSeen).from(Schema.AdvisoryFindings.table).where(Schema.AdvisoryFindings.organisationID, .equal, org).all() {
                let json = try row.decode(column: Schema.AdvisoryFindings.json, as: String.self)
                guard let finding = try? decoder.decode(AdvisoryFinding.self, from: Data(json.utf8)) else {
                    throw StorageError(.invalid, "finding \(try row.decode(column: Schema.AdvisoryFindings.itemID, as: String.self)) / \(try row.decode(column: Schema.AdvisoryFindings.vulnerabilityID, as: String.self)) holds JSON the hub cannot read")
                }
                result.append(Stored(finding: finding, firstSeen: try row.date(Schema.AdvisoryFindings.firstSeen), disposition: decisions[finding.key]))
            }
            let order = AdvisoryFinding.ranked(result.map(\.finding)).enumerated().map { ($1.key, $0) }
            let rank = Dictionary(order, uniquingKeysWith: { first, _ in first })
            return result.sorted { (rank[$0.finding.key] ?? 0) < (rank[$1.finding.key] ?? 0) }
        }
    }

    /// Records that a finding does not apply, with the reason, replacing an earlier decision.
    /// - Throws: ``StorageError`` `notFound` when the organisation has no such finding.
    public func markNotApplicable(organisation: UUID, _ disposition: FindingDisposition, audit: AuditRecord) async throws {
        let org = organisation.dbText
        try await database.transaction { db in
            let key = disposition.key
            guard try await db.select().column(Schema.AdvisoryFindings.itemID).from(Schema.AdvisoryFindings.table).where(Schema.AdvisoryFindings.organisationID, .equal, org)
                .where(Schema.AdvisoryFindings.itemID, .equal, key.itemID).where(Schema.AdvisoryFindings.vulnerabilityID, .equal, key.vulnerabilityID).first() != nil else {
                throw StorageError(.notFound, "there is no finding of \(key.vulnerabilityID) on item \(key.itemID) for this organisation")
            }
            try await db.delete(from: Schema.FindingDispositions.table).where(Schema.FindingDispositions.organisationID, .equal, org)
                .where(Schema.FindingDispositions.itemID, .equal, key.itemID).where(Schema.FindingDispositions.vulnerabilityID, .equal, key.vulnerabilityID).run()
            try await db.insert(into: Schema.FindingDispositions.table).columns(Schema.FindingDispositions.organisationID, Schema.FindingDispositions.itemID, Schema.FindingDispositions.vulnerabilityID, Schema.FindingDispositions.reason, Schema.FindingDispositions.decidedBy, Schema.FindingDispositions.decidedAt)
                .values(SQLBind(org), SQLBind(key.itemID), SQLBind(key.vulnerabilityID), SQLBind(disposition.reason),
                        SQLBind(disposition.decidedBy), SQLBind(disposition.decidedAt.micros))
                .run()
            try await AuditLog.append(audit, on: db, now: disposition.decidedAt)
        }
    }

    /// Withdraws a not-applicable decision, so the finding counts again.
    /// - Throws: ``StorageError`` `notFound` when there was no decision.
    public func reopen(organisation: UUID, key: FindingKey, audit: AuditRecord, now: Date = Date()) async throws {
        let org = organisation.dbText
        try await database.transaction { db in
            guard try await db.select().column(Schema.FindingDispositions.itemID).from(Schema.FindingDispositions.table).where(Schema.FindingDispositions.organisationID, .equal, org)
                .where(Schema.FindingDispositions.itemID, .equal, key.itemID).where(Schema.FindingDispositions.vulnerabilityID, .equal, key.vulnerabilityID).first() != nil else {
                throw StorageError(.notFound, "finding \(key.vulnerabilityID) on item \(key.itemID) is not marked not applicable")
            }
            try await db.delete(from: Schema.FindingDispositions.table).where(Schema.FindingDispositions.organisationID, .equal, org)
                .where(Schema.FindingDispositions.itemID, .equal, key.itemID).where(Schema.FindingDispositions.vulnerabilityID, .equal, key.vulnerabilityID).run()
            try await AuditLog.append(audit, on: db, now: now)
        }
    }

    static func decodeDisposition(_ row: any SQLRow) throws -> FindingDisposition {
        FindingDisposition(
            key: FindingKey(itemID: try row.decode(column: Schema.FindingDispositions.itemID, as: String.self), vulnerabilityID: try row.decode(column: Schema.FindingDispositions.vulnerabilityID, as: String.self)),
            reason: try row.decode(column: Schema.FindingDispositions.reason, as: String.self), decidedBy: try row.decode(column: Schema.FindingDispositions.decidedBy, as: String.self),
            decidedAt: try row.date(Schema.FindingDispositions.decidedAt))
    }
}
