import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import Testing

@Suite struct OrgCommandTests {
    @Test(arguments: TestEngine.allCases)
    func createPrintsTheIdAndListShowsIt(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let created = try await runCommand(["org", "create", "--name-ja", "ひかり物流", "--name-en", "Hikari Logistics",
                                                "--kind", "operator", "--sectors", "logistics, ports", "--isac-tier", "observer"], on: hub)

            let id = try #require(created.lines.first.flatMap(UUID.init(uuidString:)), "\(created.standardOutput)")
            #expect(created.lines.count == 1)
            let stored = try #require(try await hub.organisations.find(id: id))
            #expect(stored.nameEn == "Hikari Logistics" && stored.sectors == [.logistics, .ports] && stored.isacTier == .observer)
            #expect(try await hub.audit.recent(limit: 10, actionPrefix: nil).map(\.action) == ["organisation.create"])
            let listed = try await runCommand(["org", "list"], on: hub)
            #expect(listed.lines == ["\(id.uuidString.lowercased())\toperator\tHikari Logistics\tひかり物流\tlogistics,ports\tobserver"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func setEmailsReplacesTheAddressesAndEmailsPrintsThem(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await hub.organisations.create(Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways]))

            let set = try await runCommand(["org", "set-emails", "--org", "Sakura Railway", "--emails", "soc@example.jp, csirt@example.jp,soc@example.jp"], on: hub)
            let printed = try await runCommand(["org", "emails", "--org", "さくら旅客鉄道"], on: hub)
            let cleared = try await runCommand(["org", "set-emails", "--org", "Sakura Railway", "--emails", ""], on: hub)

            #expect(set.lines == ["soc@example.jp", "csirt@example.jp"])
            #expect(Set(printed.lines) == ["soc@example.jp", "csirt@example.jp"])
            #expect(cleared.lines.isEmpty)
            #expect(try await runCommand(["org", "emails", "--org", "Sakura Railway"], on: hub).lines.isEmpty)
            await #expect { try await runCommand(["org", "set-emails", "--org", "Sakura Railway", "--emails", "not-an-address"], on: hub) }
                throws: { ($0 as? MemberValidationError)?.message.contains("not-an-address") == true }
            await #expect { try await runCommand(["org", "emails", "--org", "No Such Org"], on: hub) }
                throws: { String(describing: $0).contains("No Such Org") }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anUnknownKindOrSectorIsNamedAndNothingIsStored(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            await #expect { try await runCommand(["org", "create", "--name-ja", "x", "--name-en", "X", "--kind", "bank"], on: hub) }
                throws: { ($0 as? MemberValidationError)?.message.contains("bank") == true }
            await #expect { try await runCommand(["org", "create", "--name-ja", "x", "--name-en", "X", "--kind", "operator", "--sectors", "space"], on: hub) }
                throws: { ($0 as? MemberValidationError)?.message.contains("space") == true }
            let stored = try await hub.organisations.list()
            #expect(stored.isEmpty)
        }
    }
}
