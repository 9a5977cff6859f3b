import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import SQLKit
import Testing

@Suite struct AuditCommandTests {
    /// Three audited changes: an organisation, and two e-mail settings.
    static func history(_ hub: Hub) async throws {
        try await runCommand(["org", "create", "--name-ja", "ひかり物流", "--name-en", "Hikari Logistics", "--kind", "operator"], on: hub)
        try await runCommand(["org", "set-emails", "--org", "Hikari Logistics", "--emails", "soc@example.jp"], on: hub)
        try await runCommand(["org", "set-emails", "--org", "Hikari Logistics", "--emails", "csirt@example.jp"], on: hub)
    }

    @Test(arguments: TestEngine.allCases)
    func verifyCountsAnIntactChain(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.history(hub)

            let verified = try await runCommand(["audit", "verify"], on: hub)

            #expect(verified.lines == ["audit chain intact: 3 entries"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func verifyNamesTheFirstAlteredEntryAndExitsWithTwo(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.history(hub)
            try await hub.database.transaction { db in
                try await db.update("audit_log").set("details", to: #"{"count":"9"}"#).where("seq", .equal, 2).run()
            }

            let console = TestConsole()
            let verify = try parse(["audit", "verify"], as: AuditCommand.Verify.self)
            await #expect(throws: ExitCode(2)) { try await verify.work(on: hub, console: console, logger: CommandTestHub.logger) }

            #expect(console.lines.count == 1)
            #expect(console.lines.first?.hasPrefix("audit chain broken at position 2") == true, "\(console.standardOutput)")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func verifyNoticesARemovedLastEntry(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.history(hub)
            try await hub.database.transaction { db in try await db.delete(from: "audit_log").where("seq", .equal, 3).run() }

            let console = TestConsole()
            let verify = try parse(["audit", "verify"], as: AuditCommand.Verify.self)
            await #expect(throws: ExitCode(2)) { try await verify.work(on: hub, console: console, logger: CommandTestHub.logger) }

            #expect(console.standardOutput.hasPrefix("audit chain broken at position"), "\(console.standardOutput)")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func exportWritesOneLinkedJSONLineAnEntryToOutputOrAFile(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.history(hub)

            let exported = try await runCommand(["audit", "export"], on: hub)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-audit-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: file) }
            let toFile = try await runCommand(["audit", "export", "--out", file.path], on: hub)
            let later = try await runCommand(["audit", "export", "--since", "2999-01-01T00:00:00Z"], on: hub)

            let lines = try exported.lines.map { try JSONDecoder().decode(ExportedEntry.self, from: Data($0.utf8)) }
            #expect(lines.map(\.seq) == [1, 2, 3])
            #expect(lines.map(\.action) == ["organisation.create", "organisation.notification-emails.set", "organisation.notification-emails.set"])
            #expect(lines[1].previousHash == lines[0].hash && lines[2].previousHash == lines[1].hash)
            #expect(exported.standardError == "exported 3 audit entries\n")
            #expect(toFile.standardOutput.isEmpty)
            #expect(try String(contentsOf: file, encoding: .utf8) == exported.standardOutput)
            #expect(later.standardOutput.isEmpty && later.standardError == "exported 0 audit entries\n")
        }
    }

    /// The fields of an exported line that these tests read.
    struct ExportedEntry: Decodable {
        let seq: Int64
        let action: String
        let previousHash: String
        let hash: String
    }
}
