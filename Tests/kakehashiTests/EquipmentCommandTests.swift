import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import Testing

@Suite struct EquipmentCommandTests {
    static let railway = Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways])

    @Test(arguments: TestEngine.allCases)
    func importReplacesTheRegistryAndExportWritesItBack(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await hub.organisations.create(Self.railway)
            let csv = try fixturePath("equipment-registry.csv")

            let imported = try await runCommand(["equipment", "import", "--org", "Sakura Railway", csv], on: hub)
            let exported = try await runCommand(["equipment", "export", "--org", Self.railway.id.uuidString], on: hub)

            #expect(imported.lines == ["imported 3 items; 0 new findings"])
            let items = try await hub.advisories.equipment.list(organisation: Self.railway.id)
            #expect(items.map(\.id).sorted() == ["PLC-NEW", "PLC-OLD", "SRV-9"])
            #expect(try EquipmentCSV.parse(Data(exported.standardOutput.utf8)) == items)
            #expect(try await hub.audit.recent(limit: 10, actionPrefix: "equipment.").map(\.action) == ["equipment.export", "equipment.replace"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aBadFileOrUnknownOrganisationImportsNothing(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await hub.organisations.create(Self.railway)
            let broken = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-equipment-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: broken) }
            try Data("id,name\nPLC-1\n".utf8).write(to: broken)

            await #expect { try await runCommand(["equipment", "import", "--org", "Sakura Railway", broken.path], on: hub) }
                throws: { ($0 as? ValidationError)?.message.contains("nothing imported") == true }
            await #expect { try await runCommand(["equipment", "import", "--org", "Sakura Railway", "/no/such/file.csv"], on: hub) }
                throws: { ($0 as? ValidationError)?.message == "cannot read /no/such/file.csv" }
            await #expect { try await runCommand(["equipment", "import", "--org", "No Such Org", try fixturePath("equipment-registry.csv")], on: hub) }
                throws: { ($0 as? ValidationError)?.message.contains("No Such Org") == true }

            #expect(try await hub.advisories.equipment.list(organisation: Self.railway.id).isEmpty)
        }
    }
}
