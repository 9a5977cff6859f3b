import Foundation
import KakehashiCore
import SQLKit

extension STIXObjectRepository {
    /// How many versions of `type` were added per UTC day since `since`, across collections,
    /// counting only what `viewer` may see. Keys are days since 1970-01-01.
    public func dailyCounts(type: String, in collectionIDs: [UUID], since: Date, viewer: STIXViewer) async throws -> [Int64: Int] {
        guard !collectionIDs.isEmpty else { return [:] }
        return try await database.read { db in
            var select = db.select()
                .column(SQLQueryString("date_added / 86400000000"), as: "day")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(Schema.STIXObjects.table)
                .where(Schema.STIXObjects.collectionID, .in, collectionIDs.map { $0.uuidString.lowercased() })
                .where(Schema.STIXObjects.type, .equal, type)
                .where(Schema.STIXObjects.dateAdded, .greaterThanOrEqual, since.micros)
            select = STIXObjectFilter.visibility(for: viewer, on: select)
            var counts: [Int64: Int] = [:]
            for row in try await select.groupBy(SQLQueryString("date_added / 86400000000")).all() {
                counts[try row.decode(column: "day", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }
}
