import SQLKit

extension Migrations {
    /// On SQLite, object versions are found by id through a two-level index of hashed ids
    /// (``STIXObjectIDIndex``) instead of the table's primary key, whose random keys bounded ingest.
    /// SQLite cannot drop a primary key, so the table is copied into one without it. PostgreSQL keeps
    /// its primary key.
    static let stixIDIndex = Migration(version: 9, name: "stix-id-index") { db, engine in
        guard engine == .sqlite else { return }
        try await db.raw("""
            CREATE TABLE stix_objects_rebuilt (collection_id TEXT NOT NULL, object_id TEXT NOT NULL, version INTEGER NOT NULL,
              version_text TEXT, type TEXT NOT NULL, spec_version TEXT NOT NULL, date_added INTEGER NOT NULL, is_latest INTEGER NOT NULL,
              is_first INTEGER NOT NULL, tlp TEXT NOT NULL, producer_org TEXT NOT NULL, red_recipients TEXT NOT NULL, json TEXT NOT NULL)
            """).run()
        try await db.raw("""
            INSERT INTO stix_objects_rebuilt SELECT collection_id, object_id, version, version_text, type, spec_version, date_added,
              is_latest, is_first, tlp, producer_org, red_recipients, json FROM stix_objects ORDER BY rowid
            """).run()
        try await db.raw("DROP TABLE stix_objects").run()
        try await db.raw("ALTER TABLE stix_objects_rebuilt RENAME TO stix_objects").run()
        try await db.create(index: "stix_objects_added").unique().on("stix_objects").column("collection_id").column("date_added").run()
        try await db.create(index: "stix_objects_type").on("stix_objects").column("collection_id").column("type").column("date_added").run()
        for table in ["stix_object_ids", "stix_object_ids_recent"] {
            try await db.raw("CREATE TABLE \(ident: table) (h INTEGER NOT NULL, date_added INTEGER NOT NULL, PRIMARY KEY (h, date_added)) WITHOUT ROWID").run()
        }
        // Every stored version goes into the large level, in hash order.
        let stored = try await db.select().columns("collection_id", "object_id", "date_added").from("stix_objects").all()
        let entries = try stored.map { row in
            (STIXObjectIDIndex.hash(collectionID: try row.decode(column: "collection_id", as: String.self), objectID: try row.decode(column: "object_id", as: String.self)),
             try row.decode(column: "date_added", as: Int64.self))
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        for slice in entries.chunked(into: 400) {
            try await db.raw("INSERT OR IGNORE INTO stix_object_ids (h, date_added) VALUES \(SQLList(slice.map { SQLGroupExpression([SQLBind($0.0), SQLBind($0.1)]) }))").run()
        }
    }
}
