import Foundation
import KakehashiCore

/// Commits audit records that arrive together in one transaction (group commit).
///
/// Reads are audited on their own, and each audit entry used to cost a commit of its own, that is one
/// fsync, while envelope writes held the database. Here a record that arrives while a commit is under
/// way waits for the next one, which takes every record waiting then: many readers share one fsync, and
/// an idle hub commits a lone record at once, with no added delay. Each caller returns only once its
/// own entry is committed, so nothing a caller was answered about can be lost.
actor AuditAppendQueue {
    private struct Waiting {
        let record: AuditRecord
        let now: Date
        let continuation: CheckedContinuation<AuditEntry, any Error>
    }

    private var waiting: [Waiting] = []
    private var committing = false

    func append(_ record: AuditRecord, now: Date, database: HubDatabase) async throws -> AuditEntry {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(record: record, now: now, continuation: continuation))
            if !committing {
                committing = true
                Task { await self.commitWaiting(database) }
            }
        }
    }

    private func commitWaiting(_ database: HubDatabase) async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            do {
                let entries = try await Self.commit(batch.map { ($0.record, $0.now) }, database: database)
                for (item, entry) in zip(batch, entries) { item.continuation.resume(returning: entry) }
            } catch {
                // One bad record must not fail the others: each gets a transaction of its own.
                for item in batch {
                    do {
                        item.continuation.resume(returning: try await Self.commit([(item.record, item.now)], database: database)[0])
                    } catch {
                        item.continuation.resume(throwing: error)
                    }
                }
            }
        }
        committing = false
    }

    private static func commit(_ records: [(AuditRecord, Date)], database: HubDatabase) async throws -> [AuditEntry] {
        return try await database.transaction { db in
            try await AuditLog.append(records, on: db)
        }
    }
}
