import Foundation
import KakehashiCore
import SQLKit

/// URLs an administrator configured for the hub to fetch advisories from on a schedule.
public struct AdvisoryFeedRepository: Sendable {
    /// One configured feed and how its last fetch went.
    public struct Feed: Sendable, Hashable, Codable {
        public var id: UUID
        public var url: String
        /// The format, or nil to recognise it from each document's content.
        public var format: AdvisoryDocument.Format?
        public var intervalSeconds: Int
        public var nextFetchAt: Date
        public var lastFetchedAt: Date?
        /// `ok: …` or `error: …` from the last fetch.
        public var lastOutcome: String?
        public var createdBy: String

        public init(id: UUID = UUID(), url: String, format: AdvisoryDocument.Format?, intervalSeconds: Int, nextFetchAt: Date, createdBy: String) {
            self.id = id
            self.url = url
            self.format = format
            self.intervalSeconds = intervalSeconds
            self.nextFetchAt = nextFetchAt
            self.createdBy = createdBy
        }
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Adds a feed.
    /// - Throws: ``StorageError`` `conflict` when the URL is already configured.
    public func add(_ feed: Feed, audit: AuditRecord, now: Date = Date()) async throws {
        do {
            try await database.transaction { db in
                try await db.insert(into: Schema.AdvisoryFeeds.table)
                    .columns(Schema.AdvisoryFeeds.id, Schema.AdvisoryFeeds.url, Schema.AdvisoryFeeds.format, Schema.AdvisoryFeeds.intervalSeconds, Schema.AdvisoryFeeds.nextFetchAt, Schema.AdvisoryFeeds.lastFetchedAt, Schema.AdvisoryFeeds.lastOutcome, Schema.AdvisoryFeeds.createdBy, Schema.AdvisoryFeeds.createdAt)
                    .values(SQLBind(feed.id.dbText), SQLBind(feed.url), SQLBind(feed.format?.rawValue), SQLBind(Int64(feed.intervalSeconds)),
                            SQLBind(feed.nextFetchAt.micros), SQLBind(Int64?.none), SQLBind(String?.none), SQLBind(feed.createdBy), SQLBind(now.micros))
                    .run()
                try await AuditLog.append(audit, on: db, now: now)
            }
        } catch let error where StorageError.isUniqueViolation(error) {
            throw StorageError(.conflict, "the feed \(feed.url) is already configured")
        }
    }

    /// Removes a feed.
    /// - Throws: ``StorageError`` `notFound` for an unknown id.
    public func remove(_ id: UUID, audit: AuditRecord, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await db.select().column(Schema.AdvisoryFeeds.id).from(Schema.AdvisoryFeeds.table).where(Schema.AdvisoryFeeds.id, .equal, id.dbText).first() != nil else {
                throw StorageError(.notFound, "advisory feed \(id.dbText) does not exist")
            }
            try await db.delete(from: Schema.AdvisoryFeeds.table).where(Schema.AdvisoryFeeds.id, .equal, id.dbText).run()
            try await AuditLog.append(audit, on: db, now: now)
        }
    }

    /// Every feed, by URL.
    public func list() async throws -> [Feed] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.AdvisoryFeeds.table).orderBy(Schema.AdvisoryFeeds.url).all().map(Self.decode)
        }
    }

    /// Feeds due at `now`, each pushed forward by its interval so that another hub process does not
    /// fetch it too (the claim commits before the fetch starts).
    public func claimDue(now: Date) async throws -> [Feed] {
        return try await database.transaction { db in
            // SKIP LOCKED lets another process's claim pass the rows this one holds; SQLKit's locking
            // clause cannot say it, and SQLite (no row locks: the transaction holds the write lock) needs none.
            let lock = db.dialect.locksSelectedRows ? " FOR UPDATE SKIP LOCKED" : ""
            let rows = try await db.raw("SELECT * FROM \(Schema.AdvisoryFeeds.table) WHERE \(Schema.AdvisoryFeeds.nextFetchAt) <= \(bind: now.micros) ORDER BY \(Schema.AdvisoryFeeds.nextFetchAt)\(unsafeRaw: lock)").all()
            var due: [Feed] = []
            for row in rows {
                var feed = try Self.decode(row)
                feed.nextFetchAt = now.addingTimeInterval(TimeInterval(feed.intervalSeconds))
                try await db.update(Schema.AdvisoryFeeds.table).set(Schema.AdvisoryFeeds.nextFetchAt, to: feed.nextFetchAt.micros).where(Schema.AdvisoryFeeds.id, .equal, feed.id.dbText).run()
                due.append(feed)
            }
            return due
        }
    }

    /// Records how a fetch went.
    public func recordOutcome(_ id: UUID, outcome: String, at now: Date) async throws {
        try await database.transaction { db in
            try await db.update(Schema.AdvisoryFeeds.table).set(Schema.AdvisoryFeeds.lastFetchedAt, to: now.micros).set(Schema.AdvisoryFeeds.lastOutcome, to: String(outcome.prefix(1000)))
                .where(Schema.AdvisoryFeeds.id, .equal, id.dbText).run()
        }
    }

    static func decode(_ row: any SQLRow) throws -> Feed {
        var feed = Feed(
            id: try row.uuid(Schema.AdvisoryFeeds.id), url: try row.decode(column: Schema.AdvisoryFeeds.url, as: String.self),
            format: try row.decode(column: Schema.AdvisoryFeeds.format, as: String?.self).flatMap(AdvisoryDocument.Format.init(rawValue:)),
            intervalSeconds: Int(try row.decode(column: Schema.AdvisoryFeeds.intervalSeconds, as: Int64.self)), nextFetchAt: try row.date(Schema.AdvisoryFeeds.nextFetchAt),
            createdBy: try row.decode(column: Schema.AdvisoryFeeds.createdBy, as: String.self))
        feed.lastFetchedAt = try row.optionalDate(Schema.AdvisoryFeeds.lastFetchedAt)
        feed.lastOutcome = try row.decode(column: Schema.AdvisoryFeeds.lastOutcome, as: String?.self)
        return feed
    }
}
