import Foundation
import KakehashiCore
import KakehashiStorage
import SQLKit
import Testing

@Suite struct AuditLogTests {
    static func fill(_ log: AuditLog, count: Int) async throws {
        for index in 1...count {
            try await log.append(AuditRecord(actorUser: "user\(index)", actorOrganisation: "org", action: "taxii.objects.read", objectType: "collection", objectID: "c-\(index)", clientAddress: "192.0.2.\(index)", details: ["count": String(index)]))
        }
    }

    static func expectBreak(_ log: AuditLog, at position: Int64, sourceLocation: SourceLocation = #_sourceLocation) async {
        await #expect(sourceLocation: sourceLocation) {
            try await log.verify()
        } throws: { error in
            (error as? AuditChainVerifier.Break)?.position == position
        }
    }

    @Test(arguments: TestEngine.allCases)
    func intactChainVerifies(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let log = AuditLog(database: database)
            try await Self.fill(log, count: 7)
            #expect(try await log.verify() == 7)
            let entries = try await log.entries()
            #expect(entries.map(\.sequence) == Array(1...7))
            #expect(entries[0].previousHash == AuditEntry.genesisHash)
            #expect(entries[3].previousHash == entries[2].hash)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentAppendsShareCommitsAndKeepOneChain(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let log = AuditLog(database: database)
            let entries = try await withThrowingTaskGroup(of: AuditEntry.self) { group in
                for index in 1...40 {
                    group.addTask { try await log.append(AuditRecord(actorUser: "reader\(index)", action: "taxii.objects.read", objectType: "collection", objectID: "c")) }
                }
                return try await group.reduce(into: [AuditEntry]()) { $0.append($1) }
            }
            #expect(Set(entries.map(\.sequence)) == Set(1...40), "every caller is answered with its own committed entry")
            #expect(try await log.verify() == 40)
            let stored = try await log.entries()
            #expect(Set(stored.map(\.actorUser)) == Set((1...40).map { "reader\($0)" }))
            #expect(stored.map(\.hash) == entries.sorted { $0.sequence < $1.sequence }.map(\.hash))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func editedEntryIsNamed(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let log = AuditLog(database: database)
            try await Self.fill(log, count: 6)
            try await database.transaction { db in
                try await db.update("audit_log").set("actor_user", to: "someone-else").where("seq", .equal, 4).run()
            }
            await Self.expectBreak(log, at: 4)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func deletedEntryIsNamed(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let log = AuditLog(database: database)
            try await Self.fill(log, count: 6)
            try await database.transaction { db in try await db.delete(from: "audit_log").where("seq", .equal, 3).run() }
            await Self.expectBreak(log, at: 3)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func swappedEntriesAreNamed(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let log = AuditLog(database: database)
            try await Self.fill(log, count: 6)
            // Exchange the positions of entries 2 and 5, each keeping its own content and hashes.
            try await database.transaction { db in
                try await db.update("audit_log").set("seq", to: -5).where("seq", .equal, 5).run()
                try await db.update("audit_log").set("seq", to: 5).where("seq", .equal, 2).run()
                try await db.update("audit_log").set("seq", to: 2).where("seq", .equal, -5).run()
            }
            await Self.expectBreak(log, at: 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func removedNewestEntriesAreNamed(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let log = AuditLog(database: database)
            try await Self.fill(log, count: 5)
            try await database.transaction { db in try await db.delete(from: "audit_log").where("seq", .greaterThan, 3).run() }
            await Self.expectBreak(log, at: 4)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentWritersDoNotForkTheChain(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            // A second HubDatabase on the same store stands for a second hub process.
            let second = try await HubDatabase.open(database.location, logger: TestDatabases.logger)
            let logs = [AuditLog(database: database), AuditLog(database: second)]
            defer { Task { await second.close() } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        for index in 0..<10 {
                            try await logs[writer % 2].append(AuditRecord(actorUser: "w\(writer)", action: "test.write", objectID: "\(index)"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditLog(database: database).verify() == 80)
        }
    }
}
