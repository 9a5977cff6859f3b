import ArgumentParser
import KakehashiStorage

/// `kakehashi migrate`: brings the database to this build's schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations (serve also does this at start).")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = options.makeLogger()
        let location = try options.location
        let database = try await HubDatabase.open(location, logger: logger)
        do {
            let migrator = Migrator()
            let applied = try await migrator.migrate(database, logger: logger)
            print(applied.isEmpty ? "schema is current (version \(migrator.latestVersion))" : "applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(migrator.latestVersion)")
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }
}
