import Foundation
import KakehashiCore
import SQLKit

/// Writes a batch of object versions inside an open transaction that holds the collection's lock.
struct STIXObjectWriter {
    let db: any SQLDatabase
    let collection: SharingCollection
    let producer: UUID

    /// Rows per INSERT: 13 binds each stays well under SQLite's limit of 32,766.
    static let chunk = 500

    func write(_ objects: [STIXObject], after lastAdded: Int64, now: Date) async throws -> STIXAddOutcome {
        let collectionID = collection.id.dbText
        let ids = Array(Set(objects.map(\.id)))
        var stored = Set<VersionKey>()
        for slice in ids.chunked(into: Self.chunk) {
            let rows = try await db.select().columns("object_id", "version").from("stix_objects")
                .where("collection_id", .equal, collectionID).where("object_id", .in, Array(slice)).all()
            for row in rows {
                stored.insert(VersionKey(id: try row.decode(column: "object_id", as: String.self), version: try row.decode(column: "version", as: Int64.self)))
            }
        }
        var dateAdded = max(now.micros, lastAdded + 1)
        let firstAdded = dateAdded
        var added: [(id: String, version: String)] = []
        var duplicates = 0
        var rows: [[any SQLExpression]] = []
        var touched = Set<String>()
        for object in objects {
            let version = object.version?.microsecondsSinceEpoch ?? 0
            let key = VersionKey(id: object.id, version: version)
            let versionText = object.version?.text ?? MicrosTimestamp.format(dateAdded)
            if stored.contains(key) {
                duplicates += 1
                added.append((object.id, versionText))
                continue
            }
            stored.insert(key)
            touched.insert(object.id)
            let tlp = TLPPolicy.effectiveLevel(marked: object.tlp, collectionDefault: collection.defaultTLP)
            let recipients = object.redRecipients.isEmpty ? "" : "," + object.redRecipients.joined(separator: ",") + ","
            rows.append([
                SQLBind(collectionID), SQLBind(object.id), SQLBind(version), SQLBind(object.version?.text), SQLBind(object.type),
                SQLBind(object.specVersion ?? "2.1"), SQLBind(dateAdded), SQLBind(0), SQLBind(0), SQLBind(tlp.rawValue),
                SQLBind(producer.dbText), SQLBind(recipients), SQLBind(object.json.serialized()),
            ])
            added.append((object.id, versionText))
            dateAdded += 1
        }
        for slice in rows.chunked(into: Self.chunk) {
            var insert = db.insert(into: "stix_objects").columns(
                "collection_id", "object_id", "version", "version_text", "type", "spec_version", "date_added",
                "is_latest", "is_first", "tlp", "producer_org", "red_recipients", "json")
            for row in slice { insert = insert.values(row) }
            try await insert.run()
        }
        try await Self.refreshFlags(objectIDs: Array(touched), collectionID: collectionID, on: db)
        let range: ClosedRange<Int64>? = rows.isEmpty ? nil : firstAdded...(dateAdded - 1)
        return STIXAddOutcome(added: added, duplicates: duplicates, dateAddedRange: range)
    }

    /// Marks, for each object, its newest and oldest stored versions (what `match[version]=last|first` select).
    static func refreshFlags(objectIDs: [String], collectionID: String, on db: any SQLDatabase) async throws {
        for slice in objectIDs.chunked(into: chunk) {
            try await db.raw("""
                UPDATE stix_objects SET
                  is_latest = CASE WHEN version = (SELECT MAX(v.version) FROM stix_objects v WHERE v.collection_id = stix_objects.collection_id AND v.object_id = stix_objects.object_id) THEN 1 ELSE 0 END,
                  is_first = CASE WHEN version = (SELECT MIN(v.version) FROM stix_objects v WHERE v.collection_id = stix_objects.collection_id AND v.object_id = stix_objects.object_id) THEN 1 ELSE 0 END
                WHERE collection_id = \(bind: collectionID) AND object_id IN \(SQLGroupExpression(slice.map { SQLBind($0) as any SQLExpression }))
                """).run()
        }
    }
}

/// An object version's identity within a collection.
struct VersionKey: Hashable {
    let id: String
    let version: Int64
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
