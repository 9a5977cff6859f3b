import SQLKit

extension Migrations {
    /// TAXII collections with their readers and writers, every version of every STIX object, and
    /// the status resources of posted envelopes.
    static let taxiiSchema = Migration(version: 3, name: "taxii") { db, _ in
        try await db.create(table: "collections")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("title", type: .text, .notNull)
            .column("description", type: .text)
            .column("alias", type: .text)
            .column("default_tlp", type: .text, .notNull)
            .column("last_added", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "collections_alias").unique().on("collections").column("alias").run()

        try await db.create(table: "collection_access")
            .column("collection_id", type: .text, .notNull, .references("collections", "id"))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("can_read", type: .bigint, .notNull)
            .column("can_write", type: .bigint, .notNull)
            .primaryKey("collection_id", "organisation_id")
            .run()

        // One row per object version. `date_added` is unique within a collection (the hub assigns
        // strictly increasing microseconds under the collection's lock), so it is an exact cursor.
        try await db.create(table: "stix_objects")
            .column("collection_id", type: .text, .notNull)
            .column("object_id", type: .text, .notNull)
            .column("version", type: .bigint, .notNull)
            .column("version_text", type: .text)
            .column("type", type: .text, .notNull)
            .column("spec_version", type: .text, .notNull)
            .column("date_added", type: .bigint, .notNull)
            .column("is_latest", type: .bigint, .notNull)
            .column("is_first", type: .bigint, .notNull)
            .column("tlp", type: .text, .notNull)
            .column("producer_org", type: .text, .notNull)
            .column("red_recipients", type: .text, .notNull)
            .column("json", type: .text, .notNull)
            .primaryKey("collection_id", "object_id", "version")
            .run()
        try await db.create(index: "stix_objects_added").unique().on("stix_objects").column("collection_id").column("date_added").run()
        try await db.create(index: "stix_objects_type").on("stix_objects").column("collection_id").column("type").column("date_added").run()

        try await db.create(table: "taxii_statuses")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("collection_id", type: .text, .notNull)
            .column("organisation_id", type: .text, .notNull)
            .column("request_timestamp", type: .bigint, .notNull)
            .column("body", type: .text, .notNull)
            .run()
    }
}
