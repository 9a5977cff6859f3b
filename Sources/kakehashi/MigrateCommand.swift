import ArgumentParser
import KakehashiStorage
import Logging

/// `kakehashi migrate`: brings the database to this build's schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations (serve also does this at start).")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = options.makeLogger()
        let database = try await HubDatabase.open(try options.location, logger: logger)
        do {
            try await work(on: database, console: StandardConsole(), logger: logger)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    /// Applies the missing migrations and prints which (or that the schema was current).
    func work(on database: HubDatabase, console: any CommandConsole, logger: Logger) async throws {
        let migrator = Migrator()
        let applied = try await migrator.migrate(database, logger: logger)
        console.print(applied.isEmpty ? "schema is current (version \(migrator.latestVersion))" : "applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(migrator.latestVersion)")
    }
}
