import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
import Logging

/// `kakehashi audit verify|export`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Verify or export the tamper-evident audit log.", subcommands: [Verify.self, Export.self])

    struct Verify: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Check the chain; names the first altered, removed or reordered entry.")
        @OptionGroup var options: DatabaseOptions

        /// Prints how many entries were checked; on a broken chain prints the break and exits with status 2.
        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            do {
                let count = try await hub.audit.verify()
                console.print("audit chain intact: \(count) entries")
            } catch let broken as AuditChainVerifier.Break {
                console.print(broken.description)
                throw ExitCode(2)
            }
        }
    }

    struct Export: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Write the chain as JSON lines for an independent overseer.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only entries at or after this ISO 8601 time, e.g. 2026-11-01T00:00:00Z.") var since: String?
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func validate() throws {
            _ = try sinceDate()
        }

        /// `--since` as a date.
        func sinceDate() throws -> Date? {
            guard let since else { return nil }
            guard let date = ISO8601DateFormatter().date(from: since) else {
                throw ValidationError("--since: '\(since)' is not an ISO 8601 time such as 2026-11-01T00:00:00Z")
            }
            return date
        }

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let sinceDate = try sinceDate()
            let write: (String) -> Void
            var file: FileHandle?
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: nil), let handle = FileHandle(forWritingAtPath: out) else {
                    throw ValidationError("cannot write \(out)")
                }
                file = handle
                write = { line in handle.write(Data((line + "\n").utf8)) }
            } else {
                write = { line in console.print(line) }
            }
            defer { try? file?.close() }
            let count = try await AdminOperations(hub: hub).exportAudit(since: sinceDate, write: write)
            console.note("exported \(count) audit entries\n")
        }
    }
}
