import Foundation
import KakehashiCore
import KakehashiServer
import KakehashiStorage
@testable import kakehashi
import Testing

@Suite struct PeerCommandTests {
    /// The collection and the organisation a declaration names.
    static func world(_ hub: Hub) async throws -> (collection: SharingCollection, isac: Organisation) {
        let isac = Organisation(nameJa: "金融ISAC", nameEn: "Financial ISAC", kind: .isac)
        try await hub.organisations.create(isac)
        let collection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .amber, readers: [isac.id], writers: [isac.id])
        try await hub.collections.create(collection)
        return (collection, isac)
    }

    static func add(_ extra: [String] = [], name: String = "financial-isac") -> [String] {
        ["peer", "add", "--name", name, "--kind", "kakehashi", "--api-root", "https://fin-isac.example/taxii2/hub/", "--collection", "transport",
         "--local-collection", "transport", "--organisation", "Financial ISAC", "--direction", "both"] + extra
    }

    @Test(arguments: TestEngine.allCases)
    func addListPauseResumeRemoveAreStoredAndAudited(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            let (collection, isac) = try await Self.world(hub)

            let added = try await runCommand(Self.add(["--tlp-cap", "amber", "--same-community", "--unmarked-default", "green", "--interval", "30",
                                                       "--credential-env", "FIN_ISAC_TOKEN"]), on: hub)

            let id = try #require(added.lines.first.flatMap(UUID.init(uuidString:)), "\(added.standardOutput)")
            let peer = try #require(try await hub.peers.find(id: id))
            #expect(peer.name == "financial-isac" && peer.kind == .kakehashi && peer.direction == .both && peer.remoteCollection == "transport")
            #expect(peer.localCollection == collection.id && peer.organisation == isac.id)
            #expect(peer.tlpCap == .amber && peer.sameCommunity && peer.unmarkedDefault == .green && peer.intervalSeconds == 30 && !peer.paused)
            #expect(peer.credential == .environment("FIN_ISAC_TOKEN"))

            try await hub.peers.recordSuccess(peer: id, sent: 4, received: 9, lagObjects: 2, lagSeconds: 1.5, at: Date(timeIntervalSince1970: 1_790_000_000))
            try await hub.peers.recordFailure(peer: id, reason: "HTTP 503 from the peer", at: Date(timeIntervalSince1970: 1_790_000_060))
            let listed = try await runCommand(["peer", "list"], on: hub)
            let columns = try #require(listed.lines.first).split(separator: "\t").map(String.init)
            #expect(listed.lines.count == 1)
            #expect(Array(columns.prefix(10)) == [id.uuidString.lowercased(), "financial-isac", "kakehashi", "both", "active", "cap=amber+community", "unmarked=green",
                                                  "interval=30s", "credential=env:FIN_ISAC_TOKEN", "https://fin-isac.example/taxii2/hub/"])
            #expect(Array(columns.dropFirst(10)) == ["last_success=2026-09-21T14:13:20.000Z", "last_error=2026-09-21T14:14:20.000Z HTTP 503 from the peer",
                                                    "lag=2 objects/1.5s", "sent=4", "received=9", "refused=0", "failures=1"])

            #expect(try await runCommand(["peer", "pause", "financial-isac"], on: hub).lines == ["paused financial-isac"])
            #expect(try await hub.peers.find(id: id)?.paused == true)
            #expect(try await runCommand(["peer", "list"], on: hub).lines.first?.contains("\tpaused\t") == true)
            #expect(try await runCommand(["peer", "resume", id.uuidString], on: hub).lines == ["resumed financial-isac"])
            #expect(try await hub.peers.find(id: id)?.paused == false)
            #expect(try await runCommand(["peer", "remove", "financial-isac"], on: hub).lines == ["removed financial-isac"])
            #expect(try await hub.peers.list().isEmpty)
            #expect(try await runCommand(["peer", "list"], on: hub).lines.isEmpty)

            let audit = try await hub.audit.recent(limit: 20, actionPrefix: "peer.")
            #expect(Set(audit.map(\.action)) == ["peer.create", "peer.pause", "peer.resume", "peer.remove"])
            #expect(audit.allSatisfy { $0.actorUser == "cli" && $0.objectID == id.uuidString.lowercased() })
            let create = try #require(audit.first { $0.action == "peer.create" })
            #expect(create.details.contains("env:FIN_ISAC_TOKEN"))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aBadDeclarationNamesTheOptionAndStoresNothing(engine: TestEngine) async throws {
        try await CommandTestHub.with(engine) { hub in
            _ = try await Self.world(hub)
            let cases: [([String], String)] = [
                (Self.add(["--tlp-cap", "amber"]), "--tlp-cap"),
                (Self.add(["--tlp-cap", "red", "--same-community"]), "--tlp-cap"),
                (Self.add(name: "financial isac"), "--name"),
                (Self.add(["--credential-file", "relative/token"]), "--credential-file/--credential-env"),
                (Self.add(["--credential-env", "1TOKEN"]), "--credential-file/--credential-env"),
                (Self.add(["--interval", "0"]), "--interval"),
                (["peer", "add", "--name", "x", "--kind", "misp", "--api-root", "https://x.example/", "--collection", "c", "--local-collection", "transport",
                  "--organisation", "Financial ISAC", "--direction", "both"], "--kind"),
                (["peer", "add", "--name", "x", "--kind", "taxii", "--api-root", "https://x.example/", "--collection", "c", "--local-collection", "nowhere",
                  "--organisation", "Financial ISAC", "--direction", "both"], "--local-collection"),
                (["peer", "add", "--name", "x", "--kind", "taxii", "--api-root", "https://x.example/", "--collection", "c", "--local-collection", "transport",
                  "--organisation", "No Such Org", "--direction", "sideways"], "--direction"),
                (["peer", "add", "--name", "x", "--kind", "taxii", "--api-root", "https://x.example/", "--collection", "c", "--local-collection", "transport",
                  "--organisation", "No Such Org", "--direction", "pull"], "--organisation"),
                (["peer", "add", "--name", "x", "--kind", "taxii", "--api-root", "ftp://x.example/", "--collection", "c", "--local-collection", "transport",
                  "--organisation", "Financial ISAC", "--direction", "pull"], "--api-root"),
            ]
            for (arguments, option) in cases {
                await #expect("\(arguments)") { try await runCommand(arguments, on: hub) } throws: { String(describing: $0).hasPrefix(option + ":") }
            }
            #expect(try await hub.peers.list().isEmpty)
            let missingFile = try await runCommand(Self.add(["--credential-file", "/nonexistent/kakehashi/fin.token"], name: "with-file"), on: hub)
            #expect(missingFile.standardError.contains("/nonexistent/kakehashi/fin.token cannot be read"), "a note, not a refusal")
            #expect(!missingFile.standardOutput.contains("nonexistent"))
            #expect(try await hub.peers.find(name: "with-file")?.credential == .file("/nonexistent/kakehashi/fin.token"))
            _ = try await runCommand(Self.add(), on: hub)
            await #expect { try await runCommand(Self.add(), on: hub) } throws: { ($0 as? StorageError)?.code == .conflict }
            await #expect { try await runCommand(["peer", "pause", "nobody"], on: hub) } throws: { String(describing: $0).contains("nobody") }
        }
    }

    @Test func aSecretCannotBeGivenOnTheCommandLine() throws {
        #expect(validationMessage(Self.add(["--credential", "s3cret-token"])) != nil, "there is no option that takes the secret itself")
        #expect(validationMessage(Self.add(["--token", "s3cret-token"])) != nil)
        let both = try #require(validationMessage(Self.add(["--credential-file", "/etc/kakehashi/fin.token", "--credential-env", "FIN"])))
        #expect(both.contains("not both"))
        #expect(validationMessage(Self.add(["--credential-file", "/etc/kakehashi/fin.token"])) == nil)
    }
}
