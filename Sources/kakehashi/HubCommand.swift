import ArgumentParser
import KakehashiServer
import Logging

/// A command whose work runs against the hub's services.
///
/// `run()` only sets up logging, opens and migrates the database named by `--database`, and calls
/// ``work(on:console:logger:)``; tests parse the same arguments and call the work with a hub of
/// their own (SwiftPackageIndex-Server's `Commands/Reconcile.swift` pattern).
protocol HubCommand: AsyncParsableCommand {
    var options: DatabaseOptions { get }

    /// The command's work: reads from and writes to `console`, logs to `logger`.
    func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws
}

extension HubCommand {
    func run() async throws {
        let logger = options.makeLogger()
        let console = StandardConsole()
        try await options.withHub(logger: logger) { hub in
            try await work(on: hub, console: console, logger: logger)
        }
    }
}
