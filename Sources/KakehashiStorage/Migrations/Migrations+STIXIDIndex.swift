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
        // Every stored version is recorded as the writer records a new one, then merged into the large level.
        guard let connection = db.sqliteConnection else { throw StorageError(.invalid, "migration 9 needs the hub's SQLite connection") }
        let stored = try await db.select().columns("collection_id", "object_id", "date_added").from("stix_objects").all().map { row in
            (collection: try row.decode(column: "collection_id", as: String.self),
             version: (objectID: try row.decode(column: "object_id", as: String.self), dateAdded: try row.decode(column: "date_added", as: Int64.self)))
        }
        let index = STIXObjectIDIndex(engine: .sqlite, mergeThreshold: 0)
        for (collectionID, rows) in Dictionary(grouping: stored, by: \.collection) {
            try await index.record(rows.map(\.version), collectionID: collectionID, on: connection)
        }
        try await index.mergeIfFull(on: connection)
    }
}
