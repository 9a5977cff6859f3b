import SQLKit

extension Migrations {
    /// The append-only audit chain and its head (the last sequence number and hash).
    static let auditSchema = Migration(version: 2, name: "audit") { db, _ in
        try await db.create(table: "audit_log")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("actor_user", type: .text)
            .column("actor_org", type: .text)
            .column("action", type: .text, .notNull)
            .column("object_type", type: .text)
            .column("object_id", type: .text)
            .column("client_address", type: .text)
            .column("details", type: .text, .notNull)
            .column("prev_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_at").on("audit_log").column("at").run()

        try await db.create(table: "audit_head")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("seq", type: .bigint, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.insert(into: "audit_head").columns("id", "seq", "hash")
            .values(SQLBind(1), SQLBind(0), SQLBind(String(repeating: "0", count: 64)))
            .run()
    }
}
