import KakehashiStorage
import SQLKit
import Testing

@Suite struct MigratorTests {
    @Test(arguments: TestEngine.allCases)
    func migratesOnceAndIsIdempotent(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let migrator = Migrator()
            #expect(try await migrator.currentVersion(database) == migrator.latestVersion)
            #expect(try await migrator.migrate(database, logger: TestDatabases.logger).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func refusesNewerSchema(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            try await database.transaction { db in
                try await db.insert(into: "schema_migrations").columns("version", "name", "applied_at")
                    .values(SQLBind(9999), SQLBind("from the future"), SQLBind(0)).run()
            }
            await #expect {
                try await Migrator().migrate(database, logger: TestDatabases.logger)
            } throws: { error in
                guard let error = error as? StorageError else { return false }
                return error.code == .schemaTooNew && error.message.contains("9999")
            }
        }
    }

    @Test func unreachablePostgresIsNamed() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        await #expect {
            _ = try await HubDatabase.open(try DatabaseLocation(parsing: "postgres://nobody:x@127.0.0.1:1/none"), logger: TestDatabases.logger)
        } throws: { error in
            guard let error = error as? StorageError else { return false }
            return error.code == .unreachable && error.message.contains("127.0.0.1:1")
        }
    }
}
