import Foundation
import KakehashiCore
import SQLKit

/// The Suricata SIDs each organisation's ranges gave to indicator values (MISP#6379, MISP#3058).
///
/// A value keeps its SID for as long as the hub keeps its database: a SID is never handed out twice
/// within one organisation, whichever of its ranges asks.
public struct DetectionSIDRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// The SID of each of `keys` in `range` for `organisation`: the one it was given before, or the
    /// next free one. Keys left without a SID because the range is full are absent from the answer.
    /// New SIDs are committed before this returns, in key order.
    public func allocate(_ keys: [String], range: SIDRange, organisation: UUID) async throws -> [String: Int64] {
        let wanted = Array(Set(keys)).sorted()
        guard !wanted.isEmpty else { return [:] }
        var attempt = 0
        while true {
            do {
                return try await database.transaction { db in try await Self.allocate(wanted, range: range, organisation: organisation, on: db) }
            } catch let error where StorageError.isUniqueViolation(error) && attempt < 3 {
                // Another request of the same organisation allocated the same SIDs first: read again.
                attempt += 1
            }
        }
    }

    /// The SIDs already allocated in `range` for `organisation`, by key.
    public func allocated(range: SIDRange, organisation: UUID) async throws -> [String: Int64] {
        try await database.read { db in try await Self.existing(range: range, organisation: organisation, on: db) }
    }

    private static func allocate(_ wanted: [String], range: SIDRange, organisation: UUID, on db: any SQLDatabase) async throws -> [String: Int64] {
        var sids = try await existing(range: range, organisation: organisation, on: db)
        let wantedSet = Set(wanted)
        let missing = wanted.filter { sids[$0] == nil }
        guard !missing.isEmpty else { return sids.filter { wantedSet.contains($0.key) } }
        let free = try await freeSIDs(missing.count, range: range, organisation: organisation, on: db)
        let now = Date().micros
        let rows = Array(zip(missing, free))
        for start in stride(from: 0, to: rows.count, by: 500) {
            var insert = db.insert(into: Schema.DetectionSIDs.table)
                .columns(Schema.DetectionSIDs.organisationID, Schema.DetectionSIDs.sidBase, Schema.DetectionSIDs.sidCount,
                         Schema.DetectionSIDs.entryKey, Schema.DetectionSIDs.sid, Schema.DetectionSIDs.allocatedAt)
            for (key, sid) in rows[start..<min(start + 500, rows.count)] {
                insert = insert.values(SQLBind(organisation.dbText), SQLBind(range.base), SQLBind(range.count), SQLBind(key), SQLBind(sid), SQLBind(now))
                sids[key] = sid
            }
            try await insert.run()
        }
        return sids.filter { wantedSet.contains($0.key) }
    }

    private static func existing(range: SIDRange, organisation: UUID, on db: any SQLDatabase) async throws -> [String: Int64] {
        let rows = try await db.select().columns(Schema.DetectionSIDs.entryKey, Schema.DetectionSIDs.sid).from(Schema.DetectionSIDs.table)
            .where(Schema.DetectionSIDs.organisationID, .equal, organisation.dbText)
            .where(Schema.DetectionSIDs.sidBase, .equal, range.base)
            .where(Schema.DetectionSIDs.sidCount, .equal, range.count)
            .all()
        var sids: [String: Int64] = [:]
        for row in rows {
            sids[try row.decode(column: Schema.DetectionSIDs.entryKey, as: String.self)] = try row.decode(column: Schema.DetectionSIDs.sid, as: Int64.self)
        }
        return sids
    }

    /// Up to `count` SIDs of `range` no range of `organisation` has used: above the highest used one
    /// while there is room, then the gaps that overlapping ranges left.
    private static func freeSIDs(_ count: Int, range: SIDRange, organisation: UUID, on db: any SQLDatabase) async throws -> [Int64] {
        func used() -> SQLSelectBuilder {
            db.select().from(Schema.DetectionSIDs.table)
                .where(Schema.DetectionSIDs.organisationID, .equal, organisation.dbText)
                .where(Schema.DetectionSIDs.sid, .greaterThanOrEqual, range.base)
                .where(Schema.DetectionSIDs.sid, .lessThanOrEqual, range.last)
        }
        let highest = try await used().column(SQLFunction("max", args: Schema.DetectionSIDs.sid), as: "highest").first()
            .flatMap { try $0.decode(column: "highest", as: Int64?.self) }
        let next = (highest ?? range.base - 1) + 1
        if next + Int64(count) - 1 <= range.last { return (0..<Int64(count)).map { next + $0 } }
        var free: [Int64] = next <= range.last ? Array(next...range.last) : []
        let taken = Set(try await used().column(Schema.DetectionSIDs.sid).all().map { try $0.decode(column: Schema.DetectionSIDs.sid, as: Int64.self) })
        var sid = range.base
        while free.count < count && sid < next {
            if !taken.contains(sid) { free.append(sid) }
            sid += 1
        }
        return Array(free.prefix(count)).sorted()
    }
}
