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
                .columns(Schema.STIXObjects.objectID, Schema.STIXObjects.type, Schema.STIXObjects.version, Schema.STIXObjects.versionText, Schema.STIXObjects.specVersion, Schema.STIXObjects.dateAdded, Schema.STIXObjects.tlp)
                .from(Schema.STIXObjects.table)
            if withJSON { select = select.column(Schema.STIXObjects.json) }
            select = STIXObjectFilter.apply(query, viewer: viewer, collectionID: collectionID.uuidString.lowercased(), ids: idIndex, on: select)
            var objects = try await db.rows(select.orderBy(Schema.STIXObjects.dateAdded).limit(query.limit + 1),
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
    /// The database joins the texts itself, so a page of 1,000 objects comes back as one row rather
    /// than 1,000 rows of eight columns each.
    public func textPage(_ query: STIXObjectQuery, in collectionID: UUID, viewer: STIXViewer) async throws -> STIXObjectTextPage {
        let engine = database.engine
        let index = idIndex
        return try await database.read { db in
            func matching(_ columns: String...) -> SQLSelectBuilder {
                STIXObjectFilter.apply(query, viewer: viewer, collectionID: collectionID.uuidString.lowercased(), ids: index,
                                       on: db.select().columns(columns).from(Schema.STIXObjects.table))
            }
            // On SQLite a FROM subquery with a LIMIT is not flattened: it runs as a co-routine that hands
            // the aggregate its rows in date-added order, so the texts are joined in that order without the
            // sort that `group_concat(… ORDER BY …)` would add (a copy of every text into a temporary B-tree).
            // PostgreSQL is told the order. The storage tests compare these pages with row pages on both.
            // The aggregates themselves differ (SQLKit's dialect has no text aggregate), so this branch stays.
            let joined = engine == .postgres ? SQLRaw("string_agg(json, ',' ORDER BY date_added)") : SQLRaw("group_concat(json, ',')")
            let select = db.select()
                .column(SQLFunction("count", args: SQLLiteral.all), as: "n")
                .column(SQLFunction("min", args: SQLIdentifier("date_added")), as: "first_added")
                .column(SQLFunction("max", args: SQLIdentifier("date_added")), as: "last_added")
                .column(joined, as: "body")
                .from(SQLAlias(SQLGroupExpression(matching("date_added", "json").orderBy(Schema.STIXObjects.dateAdded).limit(query.limit).query), as: SQLIdentifier("page")))
            let head = try await db.rows(select,
                sqlite: { row in
                    PageHead(count: try row.int64("n"), first: try row.optionalInt64("first_added"), last: try row.optionalInt64("last_added"),
                             body: try row.optionalText("body") ?? "")
                },
                generic: { row in
                    PageHead(count: try row.decode(column: "n", as: Int64.self), first: try row.decode(column: "first_added", as: Int64?.self),
                             last: try row.decode(column: "last_added", as: Int64?.self), body: try row.decode(column: "body", as: String?.self) ?? "")
                }).first
            guard let head, head.count > 0, let last = head.last else {
                return STIXObjectTextPage(count: 0, firstAdded: nil, lastAdded: nil, more: false, joinedJSON: "")
            }
            var more = false
            if head.count >= query.limit {
                let next = matching("date_added").where(Schema.STIXObjects.dateAdded, .greaterThan, last).limit(1)
                more = try await !db.rows(next, sqlite: { _ in true }, generic: { _ in true }).isEmpty
            }
            return STIXObjectTextPage(count: Int(head.count), firstAdded: head.first, lastAdded: last, more: more, joinedJSON: head.body)
        }
    }

    /// How many versions are stored in a collection (all of them, whatever their TLP).
    public func count(in collectionID: UUID) async throws -> Int {
        try await database.read { db in
            let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Schema.STIXObjects.table)
                .where(Schema.STIXObjects.collectionID, .equal, collectionID.uuidString.lowercased()).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}

/// The one row a text page's query answers.
private struct PageHead: Sendable {
    let count: Int64
    let first: Int64?
    let last: Int64?
    let body: String
}
