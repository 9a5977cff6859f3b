import Foundation
import KakehashiCore
import KakehashiServer
import KakehashiStorage
@testable import kakehashi
import Testing

@Suite struct AuthorityCommandTests {
    @Test(arguments: TestEngine.allCases)
    func assignReplacesTheRecipientsAndAnEmptyListUnassigns(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let regulator = Organisation(nameJa: "国土交通省 鉄道局", nameEn: "MLIT Railway Bureau", kind: .regulator, sectors: [.railways])
            let center = Organisation(nameJa: "国家サイバー統括室", nameEn: "National Cybersecurity Office", kind: .nationalCenter)
            try await hub.organisations.create(regulator)
            try await hub.organisations.create(center)
            let directory = AuthorityDirectory(database: hub.database)

            let assigned = try await runCommand(["authority", "assign", "jp-mlit", "--orgs", "MLIT Railway Bureau,\(center.id.uuidString)"], on: hub)
            #expect(assigned.lines == ["jp-mlit → MLIT Railway Bureau,\(center.id.uuidString)"])
            #expect(Set(try await directory.all()["jp-mlit"] ?? []) == [regulator.id, center.id])

            try await runCommand(["authority", "assign", "jp-mlit", "--orgs", "National Cybersecurity Office"], on: hub)
            #expect(try await directory.all()["jp-mlit"] == [center.id])
            try await runCommand(["authority", "assign", "jp-mlit", "--orgs", ""], on: hub)
            #expect(try await directory.all()["jp-mlit"] == nil)
            #expect(try await hub.audit.recent(limit: 10, actionPrefix: "authority.").count == 3)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anUnknownOrganisationLeavesTheAssignmentAlone(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let center = Organisation(nameJa: "国家サイバー統括室", nameEn: "National Cybersecurity Office", kind: .nationalCenter)
            try await hub.organisations.create(center)
            try await runCommand(["authority", "assign", "jp-nisc", "--orgs", "National Cybersecurity Office"], on: hub)

            await #expect { try await runCommand(["authority", "assign", "jp-nisc", "--orgs", "National Cybersecurity Office,No Such Org"], on: hub) }
                throws: { String(describing: $0).contains("No Such Org") }

            #expect(try await AuthorityDirectory(database: hub.database).all() == ["jp-nisc": [center.id]])
        }
    }
}
