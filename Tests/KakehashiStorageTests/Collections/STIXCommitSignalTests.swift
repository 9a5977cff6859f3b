import Foundation
import KakehashiCore
import KakehashiStorage
import SQLKit
import Testing

/// The stream's wake-ups: a commit that adds versions wakes the collection's subscribers, in this process
/// and, on PostgreSQL, in another hub process on the same database.
@Suite struct STIXCommitSignalTests {
    /// Whether `wakeUps` yields; `false` if nothing came in `seconds` (a guard against hanging, not a timing check).
    static func woken(_ wakeUps: AsyncStream<Void>, seconds: Int = 30) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in wakeUps { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Waits until `signal` listens on its own connection; `false` if it did not within 30 s.
    static func listening(_ signal: STIXCommitSignal) async throws -> Bool {
        for _ in 0..<300 where !signal.isListening {
            try await Task.sleep(for: .milliseconds(100))
        }
        return signal.isListening
    }

    @Test(arguments: TestEngine.allCases)
    func aCommitThatAddsVersionsWakesTheCollectionsSubscribers(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await STIXObjectRepositoryTests.world(database)
            // Without a database the signal only hears this process, so the wake-up below is the commit's own.
            let signal = STIXCommitSignal(logger: TestDatabases.logger)
            let repository = STIXObjectRepository(database: database, signal: signal)
            var wakeUps: AsyncStream<Void>? = signal.subscribe(to: world.collection.id)
            #expect(signal.subscribers(of: world.collection.id) == 1)
            #expect(!signal.isListening, "a signal without a database listens to nothing")

            _ = try await repository.add([try STIXObjectRepositoryTests.indicator(1)], to: world.collection, producer: world.producer.id, audit: nil)
            #expect(await Self.woken(try #require(wakeUps)), "the commit wakes the subscriber")

            wakeUps = nil
            #expect(signal.subscribers(of: world.collection.id) == 0, "a subscription ends with its stream")
        }
    }

    @Test func aCommitInAnotherHubProcessWakesThisOnesSubscribersOnPostgreSQL() async throws {
        try await TestDatabases.with(.postgres) { database async throws in
            let world = try await STIXObjectRepositoryTests.world(database)
            // Two connections to one database, as two hub processes have: one writes, the other's signal listens.
            let other = try await HubDatabase.open(database.location, logger: TestDatabases.logger)
            let writer = STIXObjectRepository(database: other)
            let signal = STIXCommitSignal(database: database, logger: TestDatabases.logger, reconnectDelay: .milliseconds(100))
            var wakeUps: AsyncStream<Void>? = signal.subscribe(to: world.collection.id)
            do {
                #expect(try await Self.listening(signal))
                #expect(await Self.woken(wakeUps!), "starting to listen wakes every subscriber once, for what it may have missed")

                _ = try await writer.add([try STIXObjectRepositoryTests.indicator(1)], to: world.collection, producer: world.producer.id, audit: nil)
                #expect(await Self.woken(wakeUps!), "the other process's commit arrives as a notification")

                // The listening connection drops: the signal listens again, and wakes everyone as it does.
                try await other.read { db in
                    try await db.raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'").run()
                }
                #expect(await Self.woken(wakeUps!), "listening again wakes every subscriber")
                #expect(try await Self.listening(signal))
                _ = try await writer.add([try STIXObjectRepositoryTests.indicator(2)], to: world.collection, producer: world.producer.id, audit: nil)
                #expect(await Self.woken(wakeUps!), "notifications arrive on the new connection")
                wakeUps = nil
                #expect(!signal.isListening, "nobody subscribes: the listening connection is closed")
                await other.close()
            } catch {
                wakeUps = nil
                await other.close()
                throw error
            }
        }
    }
}
