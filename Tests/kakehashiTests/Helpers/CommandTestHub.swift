import ArgumentParser
import Foundation
import KakehashiServer
import KakehashiStorage
@testable import kakehashi
import Logging
import Testing

/// The engines every command test that touches the database runs on.
enum TestEngine: String, CaseIterable, Sendable {
    case sqlite
    case postgres
}

/// A hub on a fresh, migrated scratch database, for calling commands' work.
enum CommandTestHub {
    static var logger: Logger {
        var logger = Logger(label: "kakehashi.command-tests")
        logger.logLevel = .warning
        return logger
    }

    /// The PostgreSQL server `scripts/test` started, if any.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` with a hub on a fresh database of `engine`, then drops it.
    ///
    /// Without a PostgreSQL server the PostgreSQL case is skipped, except under `CI=true`, where it fails.
    static func with(_ engine: TestEngine, _ body: (Hub) async throws -> Void) async throws {
        let scratch: ScratchDatabase
        switch engine {
        case .sqlite:
            scratch = try await ScratchDatabase.sqlite(logger: logger)
        case .postgres:
            guard let url = postgresURL else {
                if ProcessInfo.processInfo.environment["CI"] == "true" {
                    Issue.record("KAKEHASHI_TEST_POSTGRES_URL is not set under CI=true; run the tests through scripts/test")
                }
                return
            }
            scratch = try await ScratchDatabase.postgres(serverURL: url, logger: logger)
        }
        do {
            try await body(Hub(configuration: HubConfiguration(bcryptCost: 4), database: scratch.database))
            await scratch.drop()
        } catch {
            await scratch.drop()
            throw error
        }
    }
}

/// Parses a command line as `kakehashi` does and returns the subcommand, which must be a `C`.
func parse<C: ParsableCommand>(_ arguments: [String], as type: C.Type = C.self) throws -> C {
    let command = try Kakehashi.parseAsRoot(arguments)
    return try #require(command as? C, "\(arguments) parsed as \(Swift.type(of: command))")
}

/// Runs a hub command's work as `kakehashi ARGUMENTS` would, on `hub`, and returns what it wrote.
@discardableResult
func runCommand(_ arguments: [String], on hub: Hub, input: [String] = []) async throws -> TestConsole {
    let console = TestConsole(input: input)
    let command = try Kakehashi.parseAsRoot(arguments)
    let hubCommand = try #require(command as? any HubCommand, "\(arguments) is not a command that works on the hub")
    try await hubCommand.work(on: hub, console: console, logger: CommandTestHub.logger)
    return console
}

/// The message a person sees for arguments that do not validate.
func validationMessage(_ arguments: [String]) -> String? {
    do {
        _ = try Kakehashi.parseAsRoot(arguments)
        return nil
    } catch {
        return Kakehashi.message(for: error)
    }
}

/// A fixture file's path.
func fixturePath(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
}
