import Foundation
import SQLKit
import SQLiteKit

/// How stored versions are found by object id.
///
/// On PostgreSQL, through the table's primary key (collection, object id, version). On SQLite, through a
/// two-level index of hashed ids (migration 9): a new version's id goes into the small table
/// `stix_object_ids_recent`, which is merged in hash order into the large `stix_object_ids` once it holds
/// ``mergeThreshold`` entries. Object ids are random UUIDs, so in one large index every new object dirtied
/// its own 4 KiB leaf, which a durable commit writes to the WAL and then to the database: at 1,000,000
/// objects that bound ingest to about 15,000 objects/s whatever the rest of the hub did. The small table
/// stays a few hundred pages, and a merge writes each leaf of the large one once for many objects.
///
/// Each entry is (hash of collection and object id, date added); a lookup selects the rows of the collection
/// whose date added one of the levels lists *and* whose object id is the one asked for, so a hash that two
/// ids share finds both rows and the object id keeps only the right one.
///
/// The migration that builds the index for stored versions (9) uses ``record(_:collectionID:on:)`` and
/// ``mergeIfFull(on:)`` with a threshold of 0, so what it writes is what the writer would have.
struct STIXObjectIDIndex: Sendable {
    let engine: HubDatabase.Engine
    /// Entries the small table holds before it is merged into the large one.
    let mergeThreshold: Int

    static let defaultMergeThreshold = 50_000

    /// A stable 64-bit hash (FNV-1a) of a collection and an object id.
    static func hash(collectionID: String, objectID: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in collectionID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ UInt64(UInt8(ascii: " "))) &* 0x100_0000_01b3
        for byte in objectID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// A condition that keeps the stored versions of these objects (`ids` not empty) in one collection.
    func versions(of ids: [String], in collectionID: String) -> any SQLExpression {
        let names = ids.map { $0 as any Encodable & Sendable }
        // The hashed index exists on SQLite only (migration 9), whose primary key on random ids bounded
        // ingest; PostgreSQL keeps its primary key, which serves these lookups. A schema difference, not SQL.
        guard engine == .sqlite else { return SQLQueryString("(collection_id = \(bind: collectionID) AND object_id IN (\(binds: names)))") }
        let hashes = ids.map { Self.hash(collectionID: collectionID, objectID: $0) as any Encodable & Sendable }
        return SQLQueryString("""
            (collection_id = \(bind: collectionID) AND date_added IN (SELECT date_added FROM stix_object_ids WHERE h IN (\(binds: hashes)) \
            UNION ALL SELECT date_added FROM stix_object_ids_recent WHERE h IN (\(binds: hashes))) AND object_id IN (\(binds: names)))
            """)
    }

    /// Records new versions (their object ids and dates added) in the small table, on SQLite.
    func record(_ versions: [(objectID: String, dateAdded: Int64)], collectionID: String, on connection: SQLiteConnection) async throws {
        for slice in versions.chunked(into: 400) {
            var binds: [SQLiteData] = []
            binds.reserveCapacity(slice.count * 2)
            for (objectID, dateAdded) in slice {
                binds += [.integer(Int(Self.hash(collectionID: collectionID, objectID: objectID))), .integer(Int(dateAdded))]
            }
            let values = Array(repeating: "(?,?)", count: slice.count).joined(separator: ",")
            // OR IGNORE: an equal entry from another collection (same hash, same instant) already finds this row too.
            _ = try await connection.query("INSERT OR IGNORE INTO stix_object_ids_recent (h, date_added) VALUES " + values, binds) as [SQLiteRow]
        }
    }

    /// Merges the small table into the large one when it has grown past ``mergeThreshold``.
    func mergeIfFull(on connection: SQLiteConnection) async throws {
        let held = try await connection.rows("SELECT count(*) AS n FROM stix_object_ids_recent", []) { try $0.int64("n") }.first ?? 0
        guard held >= mergeThreshold else { return }
        _ = try await connection.query("INSERT OR IGNORE INTO stix_object_ids (h, date_added) SELECT h, date_added FROM stix_object_ids_recent ORDER BY h, date_added", []) as [SQLiteRow]
        _ = try await connection.query("DELETE FROM stix_object_ids_recent", []) as [SQLiteRow]
    }
}
