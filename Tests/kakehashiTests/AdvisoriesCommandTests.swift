import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
@testable import kakehashi
import Testing

@Suite struct AdvisoriesCommandTests {
    static let railway = Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways])

    @Test(arguments: TestEngine.allCases)
    func importStoresTheDocumentAndMatchesEveryRegistry(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            try await hub.organisations.create(Self.railway)
            try await runCommand(["equipment", "import", "--org", "Sakura Railway", try fixturePath("equipment-registry.csv")], on: hub)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-advisories-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try fixturePath("csaf-ics-plc-firmware.json"), toPath: folder.appendingPathComponent("plc.json").path)
            try Data("not read".utf8).write(to: folder.appendingPathComponent("notes.txt"))

            let imported = try await runCommand(["advisories", "import", folder.path], on: hub)

            let documents = try await hub.advisories.documents.list()
            #expect(documents.count == 1)
            let findings = try await hub.advisories.findings.list(organisation: Self.railway.id)
            #expect(!findings.isEmpty)
            #expect(findings.allSatisfy { $0.finding.itemID == "PLC-OLD" })
            let vulnerabilities = documents.reduce(0) { $0 + $1.vulnerabilities }
            #expect(imported.lines == ["imported 1 documents (\(vulnerabilities) vulnerabilities); \(findings.count) new findings"])
            #expect(imported.standardError.contains("[1/1]") && imported.standardError.contains("matching done"))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aFileOfTheWrongFormatStoresNothing(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let csaf = try fixturePath("csaf-ics-plc-firmware.json")

            await #expect { try await runCommand(["advisories", "import", "--format", "kev", csaf], on: hub) }
                throws: { ($0 as? ValidationError)?.message.hasPrefix("rejected, nothing imported") == true }
            await #expect { try await runCommand(["advisories", "import", "/no/such/advisory.json"], on: hub) }
                throws: { ($0 as? ValidationError)?.message == "/no/such/advisory.json does not exist" }

            #expect(try await hub.advisories.documents.list().isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func feedsAreAddedListedAndRemoved(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let added = try await runCommand(["advisories", "feed-add", "https://advisories.example.jp/kev.json", "--format", "kev", "--every-hours", "6"], on: hub)
            let id = try #require(added.lines.first.flatMap(UUID.init(uuidString:)), "\(added.standardOutput)")

            let listed = try await runCommand(["advisories", "feed-list"], on: hub)
            try await runCommand(["advisories", "feed-remove", id.uuidString], on: hub)

            #expect(listed.lines == ["\(id.uuidString.lowercased())\thttps://advisories.example.jp/kev.json\tevery 6 h\tnot fetched yet"])
            #expect(try await hub.advisories.feeds.list().isEmpty)
            await #expect { try await runCommand(["advisories", "feed-add", "ftp://advisories.example.jp/kev.json"], on: hub) }
                throws: { $0 is ValidationError }
        }
    }
}
