import ArgumentParser
import Foundation
import KakehashiServer
import KakehashiStorage
import Logging

/// The `--database` option every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "sqlite:PATH or postgres://user:password@host:port/database")
    var database: String = "sqlite:./kakehashi-data/kakehashi.sqlite"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = "notice"

    func validate() throws {
        do {
            _ = try DatabaseLocation(parsing: database)
        } catch let error as StorageError {
            throw ValidationError("--database: \(error.message)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level: unknown level '\(logLevel)'; expected trace, debug, info, notice, warning or error")
        }
    }

    var location: DatabaseLocation {
        get throws { try DatabaseLocation(parsing: database) }
    }

    /// A logger writing to standard error at the chosen level.
    func makeLogger(label: String = "kakehashi") -> Logger {
        CommandLogging.bootstrapOnce()
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
        return logger
    }

    /// Opens and migrates the database, then runs `body` with the hub's services; always closes the database.
    func withHub<R>(configuration: HubConfiguration? = nil, logger: Logger, _ body: (Hub) async throws -> R) async throws -> R {
        var settings = configuration ?? HubConfiguration()
        settings.database = try location
        let database = try await HubDatabase.open(settings.database, logger: logger)
        do {
            try await Migrator().migrate(database, logger: logger)
            let result = try await body(Hub(configuration: settings, database: database, logger: logger))
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

enum CommandLogging {
    nonisolated(unsafe) private static var done = false
    private static let lock = NSLock()

    /// Logs go to standard error, so that standard output carries only results (e.g. a new token).
    static func bootstrapOnce() {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
    }
}
