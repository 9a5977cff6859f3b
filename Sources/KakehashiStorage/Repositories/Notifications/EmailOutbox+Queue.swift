import Foundation
import KakehashiCore
import SQLKit

/// A due e-mail with the addresses to send it to.
public struct DueEmail: Sendable {
    public var message: EmailOutbox.Message
    /// The organisation's notification addresses when the message was claimed; never empty.
    public var recipients: [EmailAddress]
}

extension EmailOutbox {
    /// Claims up to `limit` due messages: each is leased until `now + lease`, so another mailer (also in
    /// another hub process) does not send the same message while this one is at it.
    ///
    /// A due message whose organisation has no notification address is set `held` instead.
    public func claimDue(now: Date, lease: TimeInterval, limit: Int = 20) async throws -> [DueEmail] {
        return try await database.transaction { db in
            // SKIP LOCKED lets another process's claim pass the rows this one holds; SQLKit's locking
            // clause cannot say it, and SQLite (no row locks: the transaction holds the write lock) needs none.
            let lock = db.dialect.locksSelectedRows ? " FOR UPDATE SKIP LOCKED" : ""
            let query: SQLQueryString = """
                SELECT * FROM \(Schema.EmailOutbox.table)
                WHERE \(Schema.EmailOutbox.state) = \(bind: State.pending.rawValue) AND \(Schema.EmailOutbox.nextAttemptAt) <= \(bind: now.micros)
                ORDER BY \(Schema.EmailOutbox.nextAttemptAt) LIMIT \(unsafeRaw: String(max(1, limit)) + lock)
                """
            var due: [DueEmail] = []
            for row in try await db.raw(query).all() {
                var message = try Self.decode(row)
                let recipients = try await NotificationAddressBook.addresses(of: message.organisationID, on: db)
                if recipients.isEmpty {
                    try await db.update(Schema.EmailOutbox.table).set(Schema.EmailOutbox.state, to: State.held.rawValue)
                        .set(Schema.EmailOutbox.lastError, to: "the organisation has no notification e-mail address")
                        .where(Schema.EmailOutbox.id, .equal, message.id.dbText).run()
                    continue
                }
                message.nextAttemptAt = now.addingTimeInterval(lease)
                try await db.update(Schema.EmailOutbox.table).set(Schema.EmailOutbox.nextAttemptAt, to: message.nextAttemptAt.micros)
                    .where(Schema.EmailOutbox.id, .equal, message.id.dbText).run()
                due.append(DueEmail(message: message, recipients: recipients))
            }
            return due
        }
    }

    /// Records one attempt: sent to `recipients`, retry at `retryAt`, or (failed, with `retryAt` nil) given up.
    /// - Parameter error: the SMTP reply or failure; kept also when sent, e.g. for recipients the server refused.
    public func recordAttempt(id: UUID, sent: Bool, recipients: [String] = [], error: String?, retryAt: Date?, now: Date) async throws {
        try await database.transaction { db in
            let state: State = sent ? .sent : (retryAt == nil ? .failed : .pending)
            try await db.raw("""
                UPDATE email_outbox SET attempts = attempts + 1, state = \(bind: state.rawValue),
                  last_error = \(bind: error), next_attempt_at = \(bind: (retryAt ?? now).micros),
                  sent_at = \(bind: sent ? now.micros : nil), recipients = \(bind: sent ? recipients.joined(separator: ",") : nil)
                WHERE id = \(bind: id.dbText)
                """).run()
        }
    }
}
