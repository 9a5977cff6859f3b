import Foundation
import KakehashiCore
import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct AdminOperationsTests {
    @Test(arguments: TestEngine.allCases) func unknownOrganisationAndRoleAreNamed(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, _ in
            let admin = AdminOperations(hub: hub.hub)
            await #expect {
                _ = try await admin.createUser(organisation: "No Such Org", username: "x-user", displayName: nil, role: "viewer", password: "a long enough password")
            } throws: { String(describing: $0).contains("No Such Org") }
            let badRole = await #expect(throws: MemberValidationError.self) {
                _ = try await admin.createUser(organisation: "Sakura Railway", username: "x-user", displayName: nil, role: "superuser", password: "a long enough password")
            }
            #expect(badRole?.field == "role")
            let badSector = await #expect(throws: MemberValidationError.self) {
                _ = try await admin.createOrganisation(nameJa: "x", nameEn: "X", kind: "operator", sectors: ["space"], isacTier: nil)
            }
            #expect(badSector?.message.contains("space") == true)
        }
    }

    @Test(arguments: TestEngine.allCases) func tokenCreationHonoursTheRole(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, _ in
            let admin = AdminOperations(hub: hub.hub)
            let created = try await admin.createToken(username: "rail-analyst", name: "siem", scopes: "read,write", expiresInDays: 30)
            #expect(created.token.scopes == [.read, .write])
            let badScope = await #expect(throws: MemberValidationError.self) {
                _ = try await admin.createToken(username: "rail-viewer", name: "x", scopes: "write", expiresInDays: nil)
            }
            #expect(badScope?.field == "scopes")
            try await admin.revokeToken(id: created.token.id)
            #expect(try await hub.hub.tokens.find(id: created.token.id)?.revokedAt != nil)
        }
    }

    @Test(arguments: TestEngine.allCases) func exportWritesEveryEntryWithItsHashes(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, _ in
            let admin = AdminOperations(hub: hub.hub)
            _ = try await admin.createOrganisation(nameJa: "ひかり物流", nameEn: "Hikari Logistics", kind: "operator", sectors: ["logistics"], isacTier: "observer")
            _ = try await admin.createToken(username: "rail-admin", name: "x", scopes: "read", expiresInDays: nil)
            var lines: [String] = []
            let count = try await admin.exportAudit(since: nil) { lines.append($0) }
            #expect(count == 2 && lines.count == 2)
            let first = try decode(AuditExportLineResponse.self, from: Data(lines[0].utf8))
            let second = try decode(AuditExportLineResponse.self, from: Data(lines[1].utf8))
            #expect(first.action == "organisation.create")
            #expect(second.previousHash == first.hash)
            let future = try await admin.exportAudit(since: Date().addingTimeInterval(3600)) { _ in }
            #expect(future == 0)
        }
    }
}
