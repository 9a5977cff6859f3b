import ArgumentParser
import Foundation
import KakehashiServer
import KakehashiStorage
@_exported import KakehashiTestSupport
@testable import kakehashi
import Logging
import Testing

/// A hub on a fresh, migrated scratch database, for calling commands' work.
enum CommandTestHub {
    static var logger: Logger {
        var logger = Logger(label: "kakehashi.command-tests")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` with a hub on a fresh database of `engine`, then drops it; see ``TestEngine``.
    static func with(_ engine: TestEngine, _ body: (Hub) async throws -> Void) async throws {
        try await engine.withScratchDatabase(logger: logger) { scratch in
            try await body(Hub(configuration: HubConfiguration(bcryptCost: 4), database: scratch.database))
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
