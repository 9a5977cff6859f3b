import Foundation
import KakehashiCore
import SQLKit

/// The append-only, hash-chained audit log.
///
/// Appends take the chain head under a lock (`FOR UPDATE` on PostgreSQL, the write lock on SQLite),
/// so concurrent writers, in one process or many, never fork the chain.
public struct AuditLog: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Appends a record in a transaction of its own, which records appended at the same moment share
    /// (see ``AuditAppendQueue``); returns once the entry is committed.
    @discardableResult
    public func append(_ record: AuditRecord, now: Date = Date()) async throws -> AuditEntry {
        try await database.auditAppends.append(record, now: now, database: database)
    }

    /// Appends a record inside the caller's transaction, so a write and its audit entry commit together.
    @discardableResult
    public static func append(_ record: AuditRecord, on db: any SQLDatabase, now: Date = Date()) async throws -> AuditEntry {
        try await append([(record, now)], on: db)[0]
    }

    /// Appends records, in order, inside the caller's transaction.
    static func append(_ records: [(record: AuditRecord, now: Date)], on db: any SQLDatabase) async throws -> [AuditEntry] {
        // `FOR UPDATE` on PostgreSQL; SQLite's dialect omits it, its transaction holds the write lock.
        guard let head = try await db.select().columns(Schema.AuditHead.seq, Schema.AuditHead.hash).from(Schema.AuditHead.table).where(Schema.AuditHead.id, .equal, 1).for(.update).first() else {
            throw StorageError(.invalid, "the audit chain head is missing; the database was altered outside the hub")
        }
        var sequence = try head.decode(column: Schema.AuditHead.seq, as: Int64.self)
        var previousHash = try head.decode(column: Schema.AuditHead.hash, as: String.self)
        var entries: [AuditEntry] = []
        for (record, now) in records {
            sequence += 1
            let entry = AuditEntry(
                sequence: sequence,
                timeMicros: now.micros,
                actorUser: record.actorUser,
                actorOrganisation: record.actorOrganisation,
                action: record.action,
                objectType: record.objectType,
                objectID: record.objectID,
                clientAddress: record.clientAddress,
                details: record.detailsJSON,
                previousHash: previousHash
            )
            previousHash = entry.hash
            entries.append(entry)
        }
        guard !entries.isEmpty else { return [] }
        // 11 binds a row: 500 rows a statement stays under SQLite's and PostgreSQL's bind limits.
        for slice in entries.chunked(into: 500) {
            var insert = db.insert(into: Schema.AuditLog.table)
                .columns(Schema.AuditLog.seq, Schema.AuditLog.at, Schema.AuditLog.actorUser, Schema.AuditLog.actorOrg, Schema.AuditLog.action, Schema.AuditLog.objectType, Schema.AuditLog.objectID, Schema.AuditLog.clientAddress, Schema.AuditLog.details, Schema.AuditLog.prevHash, Schema.AuditLog.hash)
            for entry in slice {
                insert = insert.values(
                    SQLBind(entry.sequence), SQLBind(entry.timeMicros), SQLBind(entry.actorUser), SQLBind(entry.actorOrganisation),
                    SQLBind(entry.action), SQLBind(entry.objectType), SQLBind(entry.objectID), SQLBind(entry.clientAddress),
                    SQLBind(entry.details), SQLBind(entry.previousHash), SQLBind(entry.hash)
                )
            }
            try await insert.run()
        }
        try await db.update(Schema.AuditHead.table).set(Schema.AuditHead.seq, to: sequence).set(Schema.AuditHead.hash, to: previousHash).where(Schema.AuditHead.id, .equal, 1).run()
        return entries
    }

    /// Entries in chain order, starting after `afterSequence`, optionally only those at or after `since`.
    public func entries(afterSequence: Int64 = 0, since: Date? = nil, limit: Int = 1000) async throws -> [AuditEntry] {
        try await database.read { db in
            var query = db.select().column("*").from(Schema.AuditLog.table).where(Schema.AuditLog.seq, .greaterThan, afterSequence)
            if let since { query = query.where(Schema.AuditLog.at, .greaterThanOrEqual, since.micros) }
            return try await query.orderBy(Schema.AuditLog.seq).limit(limit).all().map(Self.decode)
        }
    }

    /// The recorded head of the chain: the last sequence number and its hash.
    public func head() async throws -> (sequence: Int64, hash: String) {
        try await database.read { db in
            guard let row = try await db.select().columns(Schema.AuditHead.seq, Schema.AuditHead.hash).from(Schema.AuditHead.table).where(Schema.AuditHead.id, .equal, 1).first() else {
                throw StorageError(.invalid, "the audit chain head is missing; the database was altered outside the hub")
            }
            return (try row.decode(column: Schema.AuditHead.seq, as: Int64.self), try row.decode(column: Schema.AuditHead.hash, as: String.self))
        }
    }

    /// Walks the whole chain.
    /// - Returns: how many entries were checked.
    /// - Throws: ``AuditChainVerifier/Break`` naming the first altered, removed or reordered entry.
    public func verify(pageSize: Int = 5000) async throws -> Int64 {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        while true {
            // Read by storage order of `seq` but check the sequence numbers themselves, so a row whose
            // number was changed shows up as a gap or a repeat.
            let page = try await entries(afterSequence: after, limit: pageSize)
            for entry in page { try verifier.check(entry) }
            guard let last = page.last else { break }
            after = last.sequence
        }
        try verifier.finish(expectedHead: try await head())
        return verifier.checked
    }

    static func decode(_ row: any SQLRow) throws -> AuditEntry {
        var entry = AuditEntry(
            sequence: try row.decode(column: Schema.AuditHead.seq, as: Int64.self),
            timeMicros: try row.decode(column: Schema.AuditLog.at, as: Int64.self),
            actorUser: try row.decode(column: Schema.AuditLog.actorUser, as: String?.self),
            actorOrganisation: try row.decode(column: Schema.AuditLog.actorOrg, as: String?.self),
            action: try row.decode(column: Schema.AuditLog.action, as: String.self),
            objectType: try row.decode(column: Schema.AuditLog.objectType, as: String?.self),
            objectID: try row.decode(column: Schema.AuditLog.objectID, as: String?.self),
            clientAddress: try row.decode(column: Schema.AuditLog.clientAddress, as: String?.self),
            details: try row.decode(column: Schema.AuditLog.details, as: String.self),
            previousHash: try row.decode(column: Schema.AuditLog.prevHash, as: String.self)
        )
        entry.hash = try row.decode(column: Schema.AuditHead.hash, as: String.self)
        return entry
    }
}

extension AuditLog {
    /// The newest entries first, optionally only actions starting with `actionPrefix`.
    public func recent(limit: Int, actionPrefix: String?) async throws -> [AuditEntry] {
        try await database.read { db in
            var query = db.select().column("*").from(Schema.AuditLog.table)
            if let actionPrefix {
                let escaped = actionPrefix.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "\\_")
                query = query.where(SQLQueryString("\(ident: Schema.AuditLog.action.string) LIKE \(bind: escaped + "%") ESCAPE '\\'"))
            }
            return try await query.orderBy(Schema.AuditLog.seq, .descending).limit(limit).all().map(Self.decode)
        }
    }
}
