import Foundation
import KakehashiCore
import SQLKit
import SQLiteKit

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

    /// One page of the versions matching `query` that `viewer` may see, as their JSON texts joined
    /// for an envelope: the same versions, in the same order, as ``page(_:in:viewer:withJSON:)``.
    ///
    /// On SQLite the database joins the texts itself (`group_concat … ORDER BY date_added`), so a page of
    /// 1,000 objects comes back as one value rather than 8,000; elsewhere the rows are joined here.
    public func textPage(_ query: STIXObjectQuery, in collectionID: UUID, viewer: STIXViewer) async throws -> STIXObjectTextPage {
        try await database.read { db in
            guard let connection = db.sqliteConnection else {
                let page = try await page(query, in: collectionID, viewer: viewer, withJSON: true)
                return STIXObjectTextPage(count: page.objects.count, firstAdded: page.objects.first?.dateAdded, lastAdded: page.objects.last?.dateAdded,
                                          more: page.more, joinedJSON: page.objects.compactMap(\.json).joined(separator: ","))
            }
            func matching(_ columns: [String]) -> SQLSelectBuilder {
                STIXObjectFilter.apply(query, viewer: viewer, on: db.select().columns(columns).from("stix_objects")
                    .where("collection_id", .equal, collectionID.uuidString.lowercased()))
            }
            let (inner, binds) = db.serialize(matching(["date_added", "json"]).orderBy("date_added").limit(query.limit).query)
            let sql = "SELECT count(*) AS n, min(date_added) AS first_added, max(date_added) AS last_added, "
                + "group_concat(json, ',' ORDER BY date_added) AS body FROM (" + inner + ")"
            let rows = try await connection.rows(sql, try binds.map(SQLiteData.bind)) { row in
                (count: try row.int64("n"), first: try row.optionalInt64("first_added"), last: try row.optionalInt64("last_added"),
                 body: try row.optionalText("body") ?? "")
            }
            guard let head = rows.first, head.count > 0, let last = head.last else {
                return STIXObjectTextPage(count: 0, firstAdded: nil, lastAdded: nil, more: false, joinedJSON: "")
            }
            var more = false
            if head.count >= query.limit {
                let next = matching(["date_added"]).where("date_added", .greaterThan, last).limit(1)
                more = try await !db.rows(next, sqlite: { try $0.int64("date_added") }, generic: { try $0.decode(column: "date_added", as: Int64.self) }).isEmpty
            }
            return STIXObjectTextPage(count: Int(head.count), firstAdded: head.first, lastAdded: last, more: more, joinedJSON: head.body)
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
