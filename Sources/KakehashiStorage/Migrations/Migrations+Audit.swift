import SQLKit

extension Migrations {
    /// The append-only audit chain and its head (the last sequence number and hash).
    static let auditSchema = Migration(version: 2, name: "audit") { db, _ in
        try await db.create(table: Schema.AuditLog.table)
            .column(Schema.AuditLog.seq, type: .bigint, .primaryKey(autoIncrement: false))
            .column(Schema.AuditLog.at, type: .bigint, .notNull)
            .column(Schema.AuditLog.actorUser, type: .text)
            .column(Schema.AuditLog.actorOrg, type: .text)
            .column(Schema.AuditLog.action, type: .text, .notNull)
            .column(Schema.AuditLog.objectType, type: .text)
            .column(Schema.AuditLog.objectID, type: .text)
            .column(Schema.AuditLog.clientAddress, type: .text)
            .column(Schema.AuditLog.details, type: .text, .notNull)
            .column(Schema.AuditLog.prevHash, type: .text, .notNull)
            .column(Schema.AuditLog.hash, type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_at").on(Schema.AuditLog.table).column(Schema.AuditLog.at).run()

        try await db.create(table: Schema.AuditHead.table)
            .column(Schema.AuditHead.id, type: .bigint, .primaryKey(autoIncrement: false))
            .column(Schema.AuditHead.seq, type: .bigint, .notNull)
            .column(Schema.AuditHead.hash, type: .text, .notNull)
            .run()
        try await db.insert(into: Schema.AuditHead.table).columns(Schema.AuditHead.id, Schema.AuditHead.seq, Schema.AuditHead.hash)
            .values(SQLBind(1), SQLBind(0), SQLBind(String(repeating: "0", count: 64)))
            .run()
    }
}
