import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import Testing

@Suite struct CollectionCommandTests {
    @Test(arguments: TestEngine.allCases)
    func createNamesReadersAndWritersByNameOrId(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let railway = Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways])
            let center = Organisation(nameJa: "国家サイバー統括室", nameEn: "National Cybersecurity Office", kind: .nationalCenter)
            try await hub.organisations.create(railway)
            try await hub.organisations.create(center)

            let created = try await runCommand(["collection", "create", "--title", "Transport", "--alias", "transport", "--description", "Rail and ports",
                                                "--readers", "Sakura Railway, \(center.id.uuidString)", "--writers", "National Cybersecurity Office",
                                                "--default-tlp", "green"], on: hub)

            let id = try #require(created.lines.first.flatMap(UUID.init(uuidString:)), "\(created.standardOutput)")
            let collection = try #require(try await hub.collections.find(id: id))
            #expect(collection.title == "Transport" && collection.alias == "transport" && collection.description == "Rail and ports")
            #expect(collection.readers == [railway.id, center.id] && collection.writers == [center.id] && collection.defaultTLP == .green)
            let listed = try await runCommand(["collection", "list"], on: hub)
            #expect(listed.lines == ["\(id.uuidString.lowercased())\ttransport\tgreen\tTransport\treaders=2\twriters=1"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anUnknownReaderOrTLPStoresNothing(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            await #expect { try await runCommand(["collection", "create", "--title", "T", "--readers", "No Such Org"], on: hub) }
                throws: { String(describing: $0).contains("No Such Org") }
            await #expect { try await runCommand(["collection", "create", "--title", "T", "--readers", "", "--default-tlp", "purple"], on: hub) }
                throws: { String(describing: $0).contains("purple") }
            let stored = try await hub.collections.list()
            #expect(stored.isEmpty)
        }
    }
}
