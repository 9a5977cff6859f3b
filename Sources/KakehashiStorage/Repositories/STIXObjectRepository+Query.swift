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
            // The filters are serialised once: the page and the check for more rows share them.
            let (matching, binds) = db.serialize(STIXObjectFilter.apply(query, viewer: viewer, on: db.select().columns("date_added", "json")
                .from("stix_objects").where("collection_id", .equal, collectionID.uuidString.lowercased())).query)
            let values = try binds.map(SQLiteData.bind)
            // A FROM subquery with a LIMIT is not flattened: SQLite runs it as a co-routine that hands
            // the aggregate its rows in date-added order, so the texts are joined in that order without
            // the sort that `group_concat(… ORDER BY …)` would add (a copy of every text into a temporary
            // B-tree). The storage tests compare these pages with the row pages on both engines.
            let sql = "SELECT count(*) AS n, min(date_added) AS first_added, max(date_added) AS last_added, group_concat(json, ',') AS body FROM ("
                + matching + " ORDER BY date_added LIMIT \(query.limit))"
            let rows = try await connection.rows(sql, values) { row in
                (count: try row.int64("n"), first: try row.optionalInt64("first_added"), last: try row.optionalInt64("last_added"),
                 body: try row.optionalText("body") ?? "")
            }
            guard let head = rows.first, head.count > 0, let last = head.last else {
                return STIXObjectTextPage(count: 0, firstAdded: nil, lastAdded: nil, more: false, joinedJSON: "")
            }
            var more = false
            if head.count >= query.limit {
                // `matching` ends with its WHERE clause, so one more condition can follow it.
                more = try await !connection.rows("SELECT 1 AS one FROM (" + matching + " AND date_added > ? LIMIT 1)", values + [.integer(Int(last))]) { _ in true }.isEmpty
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
