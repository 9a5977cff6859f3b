import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import SQLKit
import Testing

@Suite struct TokenCommandTests {
    /// An organisation with an analyst and a viewer.
    static func members(_ hub: Hub) async throws {
        let railway = Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways])
        try await hub.organisations.create(railway)
        let hash = try await hub.passwords.hash("correct horse battery staple")
        try await hub.users.create(User(organisationID: railway.id, username: "rail-analyst", displayName: "Analyst", role: .analyst), passwordHash: hash)
        try await hub.users.create(User(organisationID: railway.id, username: "rail-viewer", displayName: "Viewer", role: .viewer), passwordHash: hash)
    }

    @Test(arguments: TestEngine.allCases)
    func theTokenIsPrintedOnceAloneAndStoredOnlyAsItsHash(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.members(hub)

            let created = try await runCommand(["token", "create", "--user", "rail-analyst", "--name", "siem", "--scopes", "read,write", "--expires-days", "30"], on: hub)

            let secret = try #require(created.lines.first)
            #expect(created.lines.count == 1)
            #expect(!created.standardError.contains(secret))
            let token = try #require(try await hub.tokens.find(secret: secret))
            #expect(created.standardError.contains(token.id.uuidString.lowercased()) && created.standardError.contains("shown once"))
            #expect(token.name == "siem" && token.scopes == [.read, .write] && token.revokedAt == nil)
            let expiry = try #require(token.expiresAt)
            #expect(abs(expiry.timeIntervalSinceNow - 30 * 86_400) < 600)
            let stored = try await hub.database.read { db in
                try await db.select().column("*").from("api_tokens").all().map { row in
                    row.allColumns.map { column in (try? row.decode(column: column, as: String.self)) ?? "" }
                }
            }
            #expect(stored.count == 1)
            #expect(!stored.joined().contains { $0 == secret }, "the secret is stored in clear")
            #expect(stored.joined().contains { $0 == SecretToken.hash(of: secret) })
        }
    }

    @Test(arguments: TestEngine.allCases)
    func revokeStopsTheTokenAndIsAudited(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.members(hub)
            let secret = try #require(try await runCommand(["token", "create", "--user", "rail-analyst"], on: hub).lines.first)
            let token = try #require(try await hub.tokens.find(secret: secret))

            let revoked = try await runCommand(["token", "revoke", token.id.uuidString], on: hub)

            #expect(revoked.lines == ["revoked \(token.id.uuidString.lowercased())"])
            #expect(try await hub.tokens.find(id: token.id)?.revokedAt != nil)
            #expect(try await hub.audit.recent(limit: 10, actionPrefix: "token.").map(\.action) == ["token.revoke", "token.create"])
            await #expect { try await runCommand(["token", "revoke", UUID().uuidString], on: hub) }
                throws: { String(describing: $0).contains("no API token") }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func scopesBeyondTheRoleAndOddExpiriesAreRefused(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await Self.members(hub)

            await #expect { try await runCommand(["token", "create", "--user", "rail-viewer", "--scopes", "write"], on: hub) }
                throws: { ($0 as? MemberValidationError)?.field == "scopes" }
            await #expect { try await runCommand(["token", "create", "--user", "rail-analyst", "--expires-days", "0"], on: hub) }
                throws: { ($0 as? MemberValidationError)?.field == "expires-days" }
            await #expect { try await runCommand(["token", "create", "--user", "nobody"], on: hub) }
                throws: { String(describing: $0).contains("nobody") }

            #expect(try await hub.database.read { db in try await db.select().column("id").from("api_tokens").all() }.isEmpty)
        }
    }
}
