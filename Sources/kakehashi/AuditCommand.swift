import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer

/// `kakehashi audit verify|export`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Verify or export the tamper-evident audit log.", subcommands: [Verify.self, Export.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the chain; names the first altered, removed or reordered entry.")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            let logger = options.makeLogger()
            do {
                let count = try await options.withHub(logger: logger) { hub in try await hub.audit.verify() }
                print("audit chain intact: \(count) entries")
            } catch let broken as AuditChainVerifier.Break {
                print(broken.description)
                throw ExitCode(2)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the chain as JSON lines for an independent overseer.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only entries at or after this ISO 8601 time, e.g. 2026-11-01T00:00:00Z.") var since: String?
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            var sinceDate: Date?
            if let since {
                guard let date = ISO8601DateFormatter().date(from: since) else {
                    throw ValidationError("--since: '\(since)' is not an ISO 8601 time such as 2026-11-01T00:00:00Z")
                }
                sinceDate = date
            }
            let handle: FileHandle
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: nil), let file = FileHandle(forWritingAtPath: out) else {
                    throw ValidationError("cannot write \(out)")
                }
                handle = file
            } else {
                handle = .standardOutput
            }
            let logger = options.makeLogger()
            let count = try await options.withHub(logger: logger) { hub in
                try await AdminOperations(hub: hub).exportAudit(since: sinceDate) { line in handle.write(Data((line + "\n").utf8)) }
            }
            FileHandle.standardError.write(Data("exported \(count) audit entries\n".utf8))
        }
    }
}
