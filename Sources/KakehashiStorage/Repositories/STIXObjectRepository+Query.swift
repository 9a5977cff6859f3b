import Foundation
import KakehashiCore
import SQLKit

extension STIXObjectRepository {
    /// One page of object versions matching `query` that `viewer` may see, oldest date added first.
    /// - Parameter withJSON: `false` for the manifest, which needs no object bodies.
    public func page(_ query: STIXObjectQuery, in collectionID: UUID, viewer: STIXViewer, withJSON: Bool) async throws -> STIXObjectPage {
        try await database.read { db in
            var select = db.select()
                .columns("object_id", "type", "version", "version_text", "spec_version", "date_added", "tlp")
                .from("stix_objects").where("collection_id", .equal, collectionID.uuidString.lowercased())
            if withJSON { select = select.column("json") }
            select = STIXObjectFilter.apply(query, viewer: viewer, on: select)
            var objects = try await db.rows(select.orderBy("date_added").limit(query.limit + 1),
                                            sqlite: { try StoredSTIXObject(sqlite: $0, withJSON: withJSON) },
                                            generic: { try StoredSTIXObject(row: $0, withJSON: withJSON) })
            let more = objects.count > query.limit
            if more { objects.removeLast(objects.count - query.limit) }
            return STIXObjectPage(objects: objects, more: more)
        }
    }

    /// How many versions are stored in a collection (all of them, whatever their TLP).
    public func count(in collectionID: UUID) async throws -> Int {
        try await database.read { db in
            let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("stix_objects")
                .where("collection_id", .equal, collectionID.uuidString.lowercased()).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
