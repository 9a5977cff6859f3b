import Foundation
import KakehashiStorage
@testable import kakehashi
import SQLKit
import Testing

@Suite struct MigrateCommandTests {
    @Test func anEmptyDatabaseGetsEveryMigrationOnceThenIsCurrent() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await HubDatabase.open(.sqlite(path: folder.appendingPathComponent("hub.sqlite").path), logger: CommandTestHub.logger)
        let migrate = try parse(["migrate", "--database", "sqlite:\(folder.path)/hub.sqlite"], as: MigrateCommand.self)
        let latest = Migrator().latestVersion

        let first = TestConsole()
        try await migrate.work(on: database, console: first, logger: CommandTestHub.logger)
        let second = TestConsole()
        try await migrate.work(on: database, console: second, logger: CommandTestHub.logger)
        let version = try await Migrator().currentVersion(database)
        await database.close()

        let all = Migrator().migrations.map { String($0.version) }.joined(separator: ", ")
        #expect(first.lines == ["applied migrations \(all); schema version \(latest)"])
        #expect(second.lines == ["schema is current (version \(latest))"])
        #expect(version == latest)
    }

    @Test(arguments: TestEngine.allCases)
    func aMigratedDatabaseIsCurrentAndANewerOneIsRefused(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let migrate = try parse(["migrate"], as: MigrateCommand.self)
            let latest = Migrator().latestVersion

            let current = TestConsole()
            try await migrate.work(on: hub.database, console: current, logger: CommandTestHub.logger)
            try await hub.database.transaction { db in
                try await db.insert(into: "schema_migrations").columns("version", "name", "applied_at")
                    .values(SQLBind(latest + 1), SQLBind("from the future"), SQLBind(Int64(0))).run()
            }

            #expect(current.lines == ["schema is current (version \(latest))"])
            await #expect { try await migrate.work(on: hub.database, console: TestConsole(), logger: CommandTestHub.logger) }
                throws: { ($0 as? StorageError)?.code == .schemaTooNew }
        }
    }
}
