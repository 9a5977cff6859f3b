import Foundation
import KakehashiCore
import SQLKit
import SQLiteKit

/// An object version ready to store: every column but its date added and flags, worked out before the
/// write transaction so that the transaction (which holds the collection's lock) only runs statements.
struct PreparedSTIXVersion: Sendable {
    let objectID: String
    /// `modified`, else `created`, in microseconds; 0 for unversioned objects.
    let version: Int64
    let versionText: String?
    let type: String
    let specVersion: String
    let tlp: String
    /// `,id,id,` of the identities that may see a TLP:RED version, or empty.
    let redRecipients: String
    let json: String

    init(_ object: STIXObject, collectionDefault: TLPLevel) {
        objectID = object.id
        version = object.version?.microsecondsSinceEpoch ?? 0
        versionText = object.version?.text
        type = object.type
        specVersion = object.specVersion ?? "2.1"
        tlp = TLPPolicy.effectiveLevel(marked: object.tlp, collectionDefault: collectionDefault).rawValue
        redRecipients = object.redRecipients.isEmpty ? "" : "," + object.redRecipients.joined(separator: ",") + ","
        json = object.json.serialized()
    }

    /// Prepares a batch, on every core when it is large (serialising each object's JSON is most of the work).
    static func prepare(_ objects: [STIXObject], collectionDefault: TLPLevel) async -> [PreparedSTIXVersion] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard objects.count >= 64, cores > 1 else { return objects.map { PreparedSTIXVersion($0, collectionDefault: collectionDefault) } }
        return await ConcurrentMap.map(objects, workers: cores) { PreparedSTIXVersion($0, collectionDefault: collectionDefault) }
    }
}

/// Writes a batch of object versions inside an open transaction that holds the collection's lock.
struct STIXObjectWriter {
    let db: any SQLDatabase
    let collection: SharingCollection
    let producer: UUID
    let ids: STIXObjectIDIndex

    /// Rows per statement: 13 binds each stays well under SQLite's limit of 32,766 and PostgreSQL's of 65,535.
    static let chunk = 500

    static let columns = [
        Schema.STIXObjects.collectionID, Schema.STIXObjects.objectID, Schema.STIXObjects.version, Schema.STIXObjects.versionText,
        Schema.STIXObjects.type, Schema.STIXObjects.specVersion, Schema.STIXObjects.dateAdded, Schema.STIXObjects.isLatest,
        Schema.STIXObjects.isFirst, Schema.STIXObjects.tlp, Schema.STIXObjects.producerOrg, Schema.STIXObjects.redRecipients,
        Schema.STIXObjects.json,
    ].map(\.string)

    func write(_ objects: [PreparedSTIXVersion], after lastAdded: Int64, now: Date) async throws -> STIXAddOutcome {
        let collectionID = collection.id.dbText
        let stored = try await storedVersions(of: Array(Set(objects.map(\.objectID))), collectionID: collectionID)
        var seen = Set(stored.map { VersionKey(id: $0.id, version: $0.version) })
        var dateAdded = max(now.micros, lastAdded + 1)
        let firstAdded = dateAdded
        var added: [(id: String, version: String)] = []
        var duplicates = 0
        var fresh: [(object: PreparedSTIXVersion, dateAdded: Int64)] = []
        for object in objects {
            let versionText = object.versionText ?? MicrosTimestamp.format(dateAdded)
            guard seen.insert(VersionKey(id: object.objectID, version: object.version)).inserted else {
                duplicates += 1
                added.append((object.objectID, versionText))
                continue
            }
            fresh.append((object, dateAdded))
            added.append((object.objectID, versionText))
            dateAdded += 1
        }
        let flags = try await updateFlags(stored: stored, fresh: fresh.map { ($0.object.objectID, $0.object.version) }, collectionID: collectionID)
        try await insert(fresh, flags: flags, collectionID: collectionID)
        if let connection = db.sqliteConnection, !fresh.isEmpty {
            try await ids.record(fresh.map { ($0.object.objectID, $0.dateAdded) }, collectionID: collectionID, on: connection)
            try await ids.mergeIfFull(on: connection)
        }
        let range: ClosedRange<Int64>? = fresh.isEmpty ? nil : firstAdded...(dateAdded - 1)
        return STIXAddOutcome(added: added, duplicates: duplicates, dateAddedRange: range, fresh: fresh.map { ($0.object.objectID, $0.object.version) })
    }

    /// The versions already stored of these objects.
    private func storedVersions(of ids: [String], collectionID: String) async throws -> [(id: String, version: Int64)] {
        var stored: [(id: String, version: Int64)] = []
        for slice in ids.chunked(into: Self.chunk) {
            let select = db.select().columns(Schema.STIXObjects.objectID, Schema.STIXObjects.version).from(Schema.STIXObjects.table)
                .where(self.ids.versions(of: Array(slice), in: collectionID))
            stored += try await db.rows(select,
                sqlite: { row in (try row.text("object_id"), try row.int64("version")) },
                generic: { row in (try row.decode(column: Schema.STIXObjects.objectID, as: String.self), try row.decode(column: Schema.STIXObjects.version, as: Int64.self)) })
        }
        return stored
    }

    /// Works out the newest and oldest version of each object once the new ones are stored, clears the
    /// flags of stored versions that stop being the newest or oldest, and returns the extremes, which
    /// the new rows' flags are set from. (What `match[version]=last|first` select.)
    private func updateFlags(stored: [(id: String, version: Int64)], fresh: [(id: String, version: Int64)], collectionID: String) async throws -> [String: VersionExtremes] {
        var storedExtremes: [String: VersionExtremes] = [:]
        for (id, version) in stored { storedExtremes[id, default: VersionExtremes(version)].include(version) }
        var extremes = storedExtremes
        for (id, version) in fresh { extremes[id, default: VersionExtremes(version)].include(version) }
        var noLongerLatest: [String] = []
        var noLongerFirst: [String] = []
        for (id, old) in storedExtremes {
            guard let now = extremes[id] else { continue }
            if now.newest > old.newest { noLongerLatest.append(id) }
            if now.oldest < old.oldest { noLongerFirst.append(id) }
        }
        for (column, objectIDs) in [(Schema.STIXObjects.isLatest, noLongerLatest), (Schema.STIXObjects.isFirst, noLongerFirst)] where !objectIDs.isEmpty {
            for slice in objectIDs.chunked(into: Self.chunk) {
                try await db.update(Schema.STIXObjects.table).set(column, to: 0)
                    .where(ids.versions(of: Array(slice), in: collectionID))
                    .where(column, .equal, 1).run()
            }
        }
        return extremes
    }

    /// Inserts the new versions, several hundred rows per statement.
    private func insert(_ fresh: [(object: PreparedSTIXVersion, dateAdded: Int64)], flags: [String: VersionExtremes], collectionID: String) async throws {
        let producerID = producer.dbText
        for slice in fresh.chunked(into: Self.chunk) {
            if let connection = db.sqliteConnection {
                var binds: [SQLiteData] = []
                binds.reserveCapacity(slice.count * Self.columns.count)
                for (object, dateAdded) in slice {
                    let extremes = flags[object.objectID]
                    binds += [.text(collectionID), .text(object.objectID), .integer(Int(object.version)), object.versionText.map(SQLiteData.text) ?? .null,
                              .text(object.type), .text(object.specVersion), .integer(Int(dateAdded)),
                              .integer(extremes?.newest == object.version ? 1 : 0), .integer(extremes?.oldest == object.version ? 1 : 0),
                              .text(object.tlp), .text(producerID), .text(object.redRecipients), .text(object.json)]
                }
                _ = try await connection.query(Self.sqliteInsert(rows: slice.count), binds) as [SQLiteRow]
            } else {
                var insert = db.insert(into: Schema.STIXObjects.table).columns(Self.columns)
                for (object, dateAdded) in slice {
                    let extremes = flags[object.objectID]
                    insert = insert.values([
                        SQLBind(collectionID), SQLBind(object.objectID), SQLBind(object.version), SQLBind(object.versionText), SQLBind(object.type),
                        SQLBind(object.specVersion), SQLBind(dateAdded), SQLBind(extremes?.newest == object.version ? 1 : 0),
                        SQLBind(extremes?.oldest == object.version ? 1 : 0), SQLBind(object.tlp), SQLBind(producerID),
                        SQLBind(object.redRecipients), SQLBind(object.json),
                    ])
                }
                try await insert.run()
            }
        }
    }

    /// `INSERT INTO stix_objects (…) VALUES (?, …), …` for `rows` rows.
    static func sqliteInsert(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        return "INSERT INTO " + Schema.STIXObjects.table.string + " (" + columns.joined(separator: ",") + ") VALUES " + Array(repeating: row, count: rows).joined(separator: ",")
    }

    /// Marks, for each object, its newest and oldest stored versions (what `match[version]=last|first` select).
    static func refreshFlags(objectIDs: [String], collectionID: String, ids index: STIXObjectIDIndex, on db: any SQLDatabase) async throws {
        for objectID in objectIDs {
            let rows = index.versions(of: [objectID], in: collectionID)
            let versions = try await db.select().column(Schema.STIXObjects.version).from(Schema.STIXObjects.table).where(rows).all()
                .map { try $0.decode(column: Schema.STIXObjects.version, as: Int64.self) }
            guard let newest = versions.max(), let oldest = versions.min() else { continue }
            try await db.raw("""
                UPDATE stix_objects SET is_latest = CASE WHEN version = \(bind: newest) THEN 1 ELSE 0 END,
                  is_first = CASE WHEN version = \(bind: oldest) THEN 1 ELSE 0 END
                WHERE \(rows)
                """).run()
        }
    }
}

/// The newest and oldest version of one object.
struct VersionExtremes {
    var newest: Int64
    var oldest: Int64

    init(_ version: Int64) {
        newest = version
        oldest = version
    }

    mutating func include(_ version: Int64) {
        newest = max(newest, version)
        oldest = min(oldest, version)
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
