import Foundation
import KakehashiCore
import SQLKit

/// Stores TAXII collections and which organisations may read and write each.
public struct CollectionRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Adds a collection with its readers and writers.
    /// - Throws: ``StorageError`` `conflict` when the alias is taken, `notFound` for an unknown organisation.
    public func create(_ collection: SharingCollection) async throws {
        try await database.transaction { db in
            if let alias = collection.alias,
               try await db.select().column(Schema.Collections.id).from(Schema.Collections.table).where(Schema.Collections.alias, .equal, alias).first() != nil {
                throw StorageError(.conflict, "a collection with the alias '\(alias)' already exists")
            }
            try await db.insert(into: Schema.Collections.table)
                .columns(Schema.Collections.id, Schema.Collections.title, Schema.Collections.description, Schema.Collections.alias, Schema.Collections.defaultTLP, Schema.Collections.lastAdded, Schema.Collections.createdAt)
                .values(SQLBind(collection.id.dbText), SQLBind(collection.title), SQLBind(collection.description), SQLBind(collection.alias),
                        SQLBind(collection.defaultTLP.rawValue), SQLBind(Int64(0)), SQLBind(collection.createdAt.micros))
                .run()
            for organisation in collection.readers.union(collection.writers) {
                guard try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table).where(Schema.Organisations.id, .equal, organisation.dbText).first() != nil else {
                    throw StorageError(.notFound, "organisation \(organisation.dbText) does not exist")
                }
                try await db.insert(into: Schema.CollectionAccess.table).columns(Schema.CollectionAccess.collectionID, Schema.CollectionAccess.organisationID, Schema.CollectionAccess.canRead, Schema.CollectionAccess.canWrite)
                    .values(SQLBind(collection.id.dbText), SQLBind(organisation.dbText),
                            SQLBind(collection.readers.contains(organisation) ? 1 : 0), SQLBind(collection.writers.contains(organisation) ? 1 : 0))
                    .run()
            }
        }
    }

    /// The collection with `id`, if any.
    public func find(id: UUID) async throws -> SharingCollection? {
        try await database.read { db in
            guard let row = try await db.select().column("*").from(Schema.Collections.table).where(Schema.Collections.id, .equal, id.dbText).first() else { return nil }
            return try await Self.decode(row, on: db)
        }
    }

    /// Every collection, by title.
    public func list() async throws -> [SharingCollection] {
        try await database.read { db in
            var collections: [SharingCollection] = []
            for row in try await db.select().column("*").from(Schema.Collections.table).orderBy(Schema.Collections.title).all() {
                collections.append(try await Self.decode(row, on: db))
            }
            return collections
        }
    }

    static func decode(_ row: any SQLRow, on db: any SQLDatabase) async throws -> SharingCollection {
        let id = try row.uuid(Schema.Collections.id)
        let access = try await db.select().columns(Schema.CollectionAccess.organisationID, Schema.CollectionAccess.canRead, Schema.CollectionAccess.canWrite).from(Schema.CollectionAccess.table)
            .where(Schema.CollectionAccess.collectionID, .equal, id.dbText).all()
        var readers = Set<UUID>(), writers = Set<UUID>()
        for entry in access {
            let organisation = try entry.uuid(Schema.CollectionAccess.organisationID)
            if try entry.decode(column: Schema.CollectionAccess.canRead, as: Int.self) != 0 { readers.insert(organisation) }
            if try entry.decode(column: Schema.CollectionAccess.canWrite, as: Int.self) != 0 { writers.insert(organisation) }
        }
        return SharingCollection(
            id: id,
            title: try row.decode(column: Schema.Collections.title, as: String.self),
            description: try row.decode(column: Schema.Collections.description, as: String?.self),
            alias: try row.decode(column: Schema.Collections.alias, as: String?.self),
            defaultTLP: try row.enumValue(Schema.Collections.defaultTLP, as: TLPLevel.self),
            readers: readers,
            writers: writers,
            createdAt: try row.date(Schema.Collections.createdAt)
        )
    }
}
