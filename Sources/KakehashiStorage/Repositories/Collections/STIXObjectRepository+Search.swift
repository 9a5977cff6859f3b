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
                .columns(Schema.STIXObjects.objectID, Schema.STIXObjects.type, Schema.STIXObjects.version, Schema.STIXObjects.versionText, Schema.STIXObjects.specVersion, Schema.STIXObjects.dateAdded, Schema.STIXObjects.tlp, Schema.STIXObjects.json)
                .from(Schema.STIXObjects.table).where(Schema.STIXObjects.collectionID, .equal, collectionID.uuidString.lowercased())
                .where(Schema.STIXObjects.isLatest, .equal, 1)
            if !types.isEmpty { select = select.where(Schema.STIXObjects.type, .in, types) }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                let escaped = trimmed.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                select = select.where(SQLQueryString("LOWER(json) LIKE \(bind: "%\(escaped)%") ESCAPE '\\'"))
            }
            select = STIXObjectFilter.visibility(for: viewer, on: select)
            return try await db.rows(select.orderBy(Schema.STIXObjects.dateAdded, .descending).limit(limit),
                                     sqlite: { try StoredSTIXObject(sqlite: $0, withJSON: true) },
                                     generic: { try StoredSTIXObject(row: $0, withJSON: true) })
        }
    }
}

extension StoredSTIXObject {
    /// Reads a row of `stix_objects`.
    init(row: any SQLRow, withJSON: Bool) throws {
        self.init(
            objectID: try row.decode(column: Schema.STIXObjects.objectID, as: String.self),
            type: try row.decode(column: Schema.STIXObjects.type, as: String.self),
            version: try row.decode(column: Schema.STIXObjects.version, as: Int64.self),
            versionText: try row.decode(column: Schema.STIXObjects.versionText, as: String?.self),
            specVersion: try row.decode(column: Schema.STIXObjects.specVersion, as: String.self),
            dateAdded: try row.decode(column: Schema.STIXObjects.dateAdded, as: Int64.self),
            tlp: try row.enumValue(Schema.STIXObjects.tlp, as: TLPLevel.self),
            json: withJSON ? try row.decode(column: Schema.STIXObjects.json, as: String.self) : nil
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
