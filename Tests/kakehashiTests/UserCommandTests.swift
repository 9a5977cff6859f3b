import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import Testing

@Suite struct UserCommandTests {
    static let railway = Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways])

    @Test(arguments: TestEngine.allCases)
    func theUserGetsThePasswordReadFromStandardInput(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await hub.organisations.create(Self.railway)

            let created = try await runCommand(["user", "create", "--org", "Sakura Railway", "--username", "rail-analyst", "--role", "analyst",
                                                "--display-name", "Rail Analyst", "--locale", "en"], on: hub, input: ["correct horse battery staple"])

            let id = try #require(created.lines.first.flatMap(UUID.init(uuidString:)), "\(created.standardOutput)")
            let credentials = try #require(try await hub.users.credentials(username: "rail-analyst"))
            #expect(credentials.user.id == id && credentials.user.role == .analyst && credentials.user.displayName == "Rail Analyst")
            #expect(credentials.user.organisationID == Self.railway.id && credentials.user.locale == "en")
            #expect(try await hub.passwords.verify("correct horse battery staple", hash: credentials.passwordHash))
            #expect(!credentials.passwordHash.contains("correct horse"))
            let listed = try await runCommand(["user", "list"], on: hub)
            #expect(listed.lines == ["\(id.uuidString.lowercased())\trail-analyst\tanalyst\tSakura Railway\tRail Analyst"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func withoutAPasswordOnStandardInputNothingIsCreated(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await hub.organisations.create(Self.railway)
            let arguments = ["user", "create", "--org", "Sakura Railway", "--username", "rail-analyst", "--role", "analyst"]

            await #expect { try await runCommand(arguments, on: hub, input: []) }
                throws: { ($0 as? ValidationError)?.message.contains("standard input") == true }
            await #expect { try await runCommand(arguments, on: hub, input: [""]) }
                throws: { ($0 as? ValidationError)?.message.contains("standard input") == true }
            await #expect(throws: (any Error).self) { try await runCommand(arguments, on: hub, input: ["short"]) }
            await #expect { try await runCommand(["user", "create", "--org", "No Such Org", "--username", "x-user", "--role", "viewer"], on: hub, input: ["correct horse battery staple"]) }
                throws: { String(describing: $0).contains("No Such Org") }

            let stored = try await hub.users.list()
            #expect(stored.isEmpty)
        }
    }
}
