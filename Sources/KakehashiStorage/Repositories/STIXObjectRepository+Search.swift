import Foundation
import KakehashiCore
import SQLKit
import SQLiteKit

extension STIXObjectRepository {
    /// The newest version of objects whose JSON contains `text` (case-insensitive for ASCII),
    /// newest first, among those `viewer` may see — what the pages' search box asks for.
    public func search(_ text: String, types: [String], in collectionID: UUID, viewer: STIXViewer, limit: Int) async throws -> [StoredSTIXObject] {
        try await database.read { db in
            var select = db.select()
                .columns("object_id", "type", "version", "version_text", "spec_version", "date_added", "tlp", "json")
                .from("stix_objects").where("collection_id", .equal, collectionID.uuidString.lowercased())
                .where("is_latest", .equal, 1)
            if !types.isEmpty { select = select.where("type", .in, types) }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                let escaped = trimmed.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                select = select.where(SQLQueryString("LOWER(json) LIKE \(bind: "%\(escaped)%") ESCAPE '\\'"))
            }
            select = STIXObjectFilter.visibility(for: viewer, on: select)
            return try await db.rows(select.orderBy("date_added", .descending).limit(limit),
                                     sqlite: { try StoredSTIXObject(sqlite: $0, withJSON: true) },
                                     generic: { try StoredSTIXObject(row: $0, withJSON: true) })
        }
    }
}

extension StoredSTIXObject {
    /// Reads a row of `stix_objects`.
    init(row: any SQLRow, withJSON: Bool) throws {
        self.init(
            objectID: try row.decode(column: "object_id", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            version: try row.decode(column: "version", as: Int64.self),
            versionText: try row.decode(column: "version_text", as: String?.self),
            specVersion: try row.decode(column: "spec_version", as: String.self),
            dateAdded: try row.decode(column: "date_added", as: Int64.self),
            tlp: try row.enumValue("tlp", as: TLPLevel.self),
            json: withJSON ? try row.decode(column: "json", as: String.self) : nil
        )
    }
}

extension StoredSTIXObject {
    /// Reads a row of `stix_objects` straight from SQLite's values.
    init(sqlite row: SQLiteRow, withJSON: Bool) throws {
        let tlpText = try row.text("tlp")
        guard let tlp = TLPLevel(rawValue: tlpText) else {
            throw StorageError(.invalid, "column tlp holds '\(tlpText)', which is not a known TLPLevel")
        }
        self.init(
            objectID: try row.text("object_id"),
            type: try row.text("type"),
            version: try row.int64("version"),
            versionText: try row.optionalText("version_text"),
            specVersion: try row.text("spec_version"),
            dateAdded: try row.int64("date_added"),
            tlp: tlp,
            json: withJSON ? try row.text("json") : nil
        )
    }
}
