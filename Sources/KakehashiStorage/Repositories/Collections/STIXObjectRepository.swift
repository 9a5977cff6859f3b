import Foundation
import KakehashiCore
import SQLKit

/// Every version of every STIX object, per collection, with the TLP and producer the hub enforces.
public struct STIXObjectRepository: Sendable {
    let database: HubDatabase
    /// How versions are found by object id.
    let idIndex: STIXObjectIDIndex
    /// Told of every commit that adds versions, once it is committed (the stream's subscribers wait on it).
    let signal: STIXCommitSignal?

    /// A repository; `signal`, if given, hears of each commit that adds versions.
    public init(database: HubDatabase, signal: STIXCommitSignal? = nil) {
        self.init(database: database, idMergeThreshold: STIXObjectIDIndex.defaultMergeThreshold, signal: signal)
    }

    /// A repository whose SQLite id index merges its small level at `idMergeThreshold` entries (tests use a few).
    public init(database: HubDatabase, idMergeThreshold: Int, signal: STIXCommitSignal? = nil) {
        self.database = database
        self.idIndex = STIXObjectIDIndex(engine: database.engine, mergeThreshold: idMergeThreshold)
        self.signal = signal
    }

    /// Stores validated objects in one transaction, with `audit` appended in the same transaction:
    /// when this returns, every object it reports is committed.
    ///
    /// A version already stored is not stored again. Date added is assigned under the collection's
    /// lock, strictly increasing, so concurrent writers (also in other hub processes) never share one.
    /// A commit that adds versions is announced: on PostgreSQL by `NOTIFY` (delivered at commit, to every
    /// hub process on the database), and to this repository's signal once committed.
    public func add(_ objects: [STIXObject], to collection: SharingCollection, producer: UUID, audit: AuditRecord?, now: Date = Date()) async throws -> STIXAddOutcome {
        try await add(objects, to: collection, producer: producer, audit: audit, now: now, status: nil).outcome
    }

    /// Like ``add(_:to:producer:audit:now:)``, and also stores the TAXII status resource that `status`
    /// builds from the outcome, in the same transaction: one commit covers objects, audit and status.
    public func add(_ objects: [STIXObject], to collection: SharingCollection, producer: UUID, audit: AuditRecord?, now: Date = Date(),
                    status: (@Sendable (STIXAddOutcome) -> TAXIIStatusRecord)?) async throws -> (outcome: STIXAddOutcome, status: TAXIIStatusRecord?) {
        try await add(objects, to: collection, producer: producer, audit: audit, now: now, status: status, within: nil)
    }

    /// Like ``add(_:to:producer:audit:now:status:)``, and runs `within` in the same transaction once the versions
    /// are written (federation records provenance, cursors and refusals there): one commit covers all of it.
    func add(_ objects: [STIXObject], to collection: SharingCollection, producer: UUID, audit: AuditRecord?, now: Date = Date(),
             status: (@Sendable (STIXAddOutcome) -> TAXIIStatusRecord)?,
             within: (@Sendable (any SQLDatabase, STIXAddOutcome) async throws -> Void)?) async throws -> (outcome: STIXAddOutcome, status: TAXIIStatusRecord?) {
        let index = idIndex
        let prepared = await PreparedSTIXVersion.prepare(objects, collectionDefault: collection.defaultTLP)
        let notify = database.engine == .postgres
        let result: (outcome: STIXAddOutcome, status: TAXIIStatusRecord?) = try await database.transaction { db in
            let lastAdded = try await Self.lockCollection(collection.id, on: db)
            let writer = STIXObjectWriter(db: db, collection: collection, producer: producer, ids: index)
            let outcome = try await writer.write(prepared, after: lastAdded, now: now)
            if let range = outcome.dateAddedRange {
                try await db.update(Schema.Collections.table).set(Schema.Collections.lastAdded, to: range.upperBound).where(Schema.Collections.id, .equal, collection.id.dbText).run()
                if notify {
                    let payload = STIXCommitSignal.payload(collection: collection.id, lastAdded: range.upperBound)
                    try await db.raw("SELECT pg_notify(\(bind: STIXCommitSignal.channel), \(bind: payload))").run()
                }
            }
            if var audit {
                audit.details["added"] = String(outcome.added.count - outcome.duplicates)
                audit.details["duplicates"] = String(outcome.duplicates)
                try await AuditLog.append(audit, on: db, now: now)
            }
            let record = status?(outcome)
            if let record {
                try await TAXIIStatusRepository.insert(record, collectionID: collection.id, on: db)
            }
            try await within?(db, outcome)
            return (outcome, record)
        }
        if let signal, let range = result.outcome.dateAddedRange {
            signal.committed(collection: collection.id, lastAdded: range.upperBound)
        }
        return result
    }

    /// Takes the collection's write lock and returns the last date added in it.
    /// `FOR UPDATE` on PostgreSQL; SQLite's dialect omits it, its transaction holds the write lock.
    static func lockCollection(_ id: UUID, on db: any SQLDatabase) async throws -> Int64 {
        guard let row = try await db.select().column(Schema.Collections.lastAdded).from(Schema.Collections.table).where(Schema.Collections.id, .equal, id.dbText).for(.update).first() else {
            throw StorageError(.notFound, "collection \(id.dbText) does not exist")
        }
        return try row.decode(column: Schema.Collections.lastAdded, as: Int64.self)
    }

    /// Deletes the selected versions of one object, if the viewer's organisation produced them.
    /// - Returns: how many versions were deleted.
    public func delete(objectID: String, versions: VersionSelection, in collection: SharingCollection, by viewer: STIXViewer, audit: AuditRecord?) async throws -> Int {
        try await delete(objectID: objectID, versions: versions, in: collection, by: viewer, overridingProducer: false, audit: audit, within: nil)
    }

    /// Like ``delete(objectID:versions:in:by:audit:)``; `overridingProducer` skips the producer check (a hub
    /// administrator, or a deletion notice from the origin), and `within` runs in the same transaction with the
    /// deleted versions (microseconds) before the audit entry is appended (federation writes the notice there
    /// and may add to the audit details), with the labels the hub applied to them.
    func delete(objectID: String, versions: VersionSelection, in collection: SharingCollection, by viewer: STIXViewer?, overridingProducer: Bool,
                audit: AuditRecord?, now: Date = Date(),
                within: (@Sendable (any SQLDatabase, _ versions: [Int64], _ levels: [TLPLevel]) async throws -> [String: String])?) async throws -> Int {
        let index = idIndex
        return try await database.transaction { db in
            _ = try await Self.lockCollection(collection.id, on: db)
            let base = db.select().column(Schema.STIXObjects.version).column(Schema.STIXObjects.producerOrg).column(Schema.STIXObjects.tlp)
                .from(Schema.STIXObjects.table).where(index.versions(of: [objectID], in: collection.id.dbText))
            let rows = try await STIXObjectFilter.versions(versions, on: base).all()
            guard !rows.isEmpty else { return 0 }
            if !overridingProducer {
                for row in rows where try row.decode(column: Schema.STIXObjects.producerOrg, as: String.self) != viewer?.organisationID.dbText {
                    throw StorageError(.conflict, "only the organisation that shared \(objectID) may delete it")
                }
            }
            let doomed = try rows.map { try $0.decode(column: Schema.STIXObjects.version, as: Int64.self) }
            try await db.delete(from: Schema.STIXObjects.table).where(index.versions(of: [objectID], in: collection.id.dbText))
                .where(Schema.STIXObjects.version, .in, doomed).run()
            try await STIXObjectWriter.refreshFlags(objectIDs: [objectID], collectionID: collection.id.dbText, ids: index, on: db)
            let levels = try rows.map { try $0.enumValue(Schema.STIXObjects.tlp, as: TLPLevel.self) }
            let extra = try await within?(db, doomed, levels) ?? [:]
            if var audit {
                audit.details["versions"] = String(doomed.count)
                audit.details.merge(extra) { _, new in new }
                try await AuditLog.append(audit, on: db, now: now)
            }
            return doomed.count
        }
    }
}
