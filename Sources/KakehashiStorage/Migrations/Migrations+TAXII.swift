import SQLKit

extension Migrations {
    /// TAXII collections with their readers and writers, every version of every STIX object, and
    /// the status resources of posted envelopes.
    static let taxiiSchema = Migration(version: 3, name: "taxii") { db, _ in
        try await db.create(table: Schema.Collections.table)
            .column(Schema.Collections.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.Collections.title, type: .text, .notNull)
            .column(Schema.Collections.description, type: .text)
            .column(Schema.Collections.alias, type: .text)
            .column(Schema.Collections.defaultTLP, type: .text, .notNull)
            .column(Schema.Collections.lastAdded, type: .bigint, .notNull)
            .column(Schema.Collections.createdAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "collections_alias").unique().on(Schema.Collections.table).column(Schema.Collections.alias).run()

        try await db.create(table: Schema.CollectionAccess.table)
            .column(Schema.CollectionAccess.collectionID, type: .text, .notNull, .references(Schema.Collections.table, Schema.Collections.id))
            .column(Schema.CollectionAccess.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.CollectionAccess.canRead, type: .bigint, .notNull)
            .column(Schema.CollectionAccess.canWrite, type: .bigint, .notNull)
            .primaryKey(Schema.CollectionAccess.collectionID, Schema.CollectionAccess.organisationID)
            .run()

        // One row per object version. `date_added` is unique within a collection (the hub assigns
        // strictly increasing microseconds under the collection's lock), so it is an exact cursor.
        try await db.create(table: Schema.STIXObjects.table)
            .column(Schema.STIXObjects.collectionID, type: .text, .notNull)
            .column(Schema.STIXObjects.objectID, type: .text, .notNull)
            .column(Schema.STIXObjects.version, type: .bigint, .notNull)
            .column(Schema.STIXObjects.versionText, type: .text)
            .column(Schema.STIXObjects.type, type: .text, .notNull)
            .column(Schema.STIXObjects.specVersion, type: .text, .notNull)
            .column(Schema.STIXObjects.dateAdded, type: .bigint, .notNull)
            .column(Schema.STIXObjects.isLatest, type: .bigint, .notNull)
            .column(Schema.STIXObjects.isFirst, type: .bigint, .notNull)
            .column(Schema.STIXObjects.tlp, type: .text, .notNull)
            .column(Schema.STIXObjects.producerOrg, type: .text, .notNull)
            .column(Schema.STIXObjects.redRecipients, type: .text, .notNull)
            .column(Schema.STIXObjects.json, type: .text, .notNull)
            .primaryKey(Schema.STIXObjects.collectionID, Schema.STIXObjects.objectID, Schema.STIXObjects.version)
            .run()
        try await db.create(index: "stix_objects_added").unique().on(Schema.STIXObjects.table).column(Schema.STIXObjects.collectionID).column(Schema.STIXObjects.dateAdded).run()
        try await db.create(index: "stix_objects_type").on(Schema.STIXObjects.table).column(Schema.STIXObjects.collectionID).column(Schema.STIXObjects.type).column(Schema.STIXObjects.dateAdded).run()

        try await db.create(table: Schema.TAXIIStatuses.table)
            .column(Schema.TAXIIStatuses.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.TAXIIStatuses.collectionID, type: .text, .notNull)
            .column(Schema.TAXIIStatuses.organisationID, type: .text, .notNull)
            .column(Schema.TAXIIStatuses.requestTimestamp, type: .bigint, .notNull)
            .column(Schema.TAXIIStatuses.body, type: .text, .notNull)
            .run()
    }
}
