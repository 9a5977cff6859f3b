import Foundation
import KakehashiCore
import SQLKit

/// E-mails the hub owes recipient organisations: administrators read them, and when SMTP is configured
/// the mailer sends them (the queue is in ``EmailOutbox`` `claimDue` and `recordAttempt`).
public struct EmailOutbox: Sendable {
    /// Where a message stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for the mailer (or for SMTP to be configured), possibly for a retry.
        case pending
        case sent
        /// Given up: the server refused it for good, or every attempt failed; `lastError` says why.
        case failed
        /// The organisation has no notification address; released when it is given one.
        case held
    }

    /// One queued e-mail.
    public struct Message: Sendable, Equatable, Codable {
        public var id: UUID
        public var organisationID: UUID
        public var subject: String
        public var body: String
        public var createdAt: Date
        public var sentAt: Date?
        public var state: State
        public var attempts: Int
        public var nextAttemptAt: Date
        /// The addresses the server accepted, once sent.
        public var recipients: [String]
        /// The last SMTP reply or connection failure, with the command it answered.
        public var lastError: String?
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Queues an e-mail for `notification`'s organisation inside the caller's transaction.
    static func enqueue(_ notification: PlannedNotification, on db: any SQLDatabase, now: Date) async throws {
        try await db.insert(into: Schema.EmailOutbox.table)
            .columns(Schema.EmailOutbox.id, Schema.EmailOutbox.organisationID, Schema.EmailOutbox.subject, Schema.EmailOutbox.body, Schema.EmailOutbox.createdAt, Schema.EmailOutbox.sentAt, Schema.EmailOutbox.state, Schema.EmailOutbox.attempts, Schema.EmailOutbox.nextAttemptAt)
            .values(SQLBind(UUID().dbText), SQLBind(notification.organisation.dbText), SQLBind(notification.emailSubject),
                    SQLBind(notification.emailBody), SQLBind(now.micros), SQLBind(Int64?.none),
                    SQLBind(State.pending.rawValue), SQLBind(Int64(0)), SQLBind(now.micros))
            .run()
    }

    /// Messages, newest first; only unsent ones with `unsentOnly`.
    public func list(unsentOnly: Bool = false, limit: Int = 200) async throws -> [Message] {
        try await database.read { db in
            var query = db.select().column("*").from(Schema.EmailOutbox.table)
            if unsentOnly { query = query.where(Schema.EmailOutbox.sentAt, .is, SQLLiteral.null) }
            return try await query.orderBy(Schema.EmailOutbox.createdAt, .descending).limit(limit).all().map(Self.decode)
        }
    }

    /// The message with `id`, if any.
    public func message(id: UUID) async throws -> Message? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.EmailOutbox.table).where(Schema.EmailOutbox.id, .equal, id.dbText).first().map(Self.decode)
        }
    }

    static func decode(_ row: any SQLRow) throws -> Message {
        Message(
            id: try row.uuid(Schema.EmailOutbox.id), organisationID: try row.uuid(Schema.EmailOutbox.organisationID),
            subject: try row.decode(column: Schema.EmailOutbox.subject, as: String.self), body: try row.decode(column: Schema.EmailOutbox.body, as: String.self),
            createdAt: try row.date(Schema.EmailOutbox.createdAt), sentAt: try row.optionalDate(Schema.EmailOutbox.sentAt),
            state: try row.enumValue(Schema.EmailOutbox.state, as: State.self),
            attempts: Int(try row.decode(column: Schema.EmailOutbox.attempts, as: Int64.self)),
            nextAttemptAt: try row.date(Schema.EmailOutbox.nextAttemptAt),
            recipients: (try row.decode(column: Schema.EmailOutbox.recipients, as: String?.self) ?? "").split(separator: ",").map(String.init),
            lastError: try row.decode(column: Schema.EmailOutbox.lastError, as: String?.self)
        )
    }
}
