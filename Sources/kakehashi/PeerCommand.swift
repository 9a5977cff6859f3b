import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
import Logging

/// `kakehashi peer add|list|remove|pause|resume`: the hubs and TAXII servers this hub exchanges objects with.
struct PeerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "peer", abstract: "Manage federation peers (other hubs and TAXII 2.1 servers).",
                                                    subcommands: [Add.self, List.self, Remove.self, Pause.self, Resume.self])

    struct Add: HubCommand {
        static let configuration = CommandConfiguration(
            abstract: "Declare a peer; prints its id.",
            discussion: "Credentials are never given on the command line: name a file holding the token (or user:password), or an environment variable of the serving hub's process.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Short unique name, e.g. financial-isac.") var name: String
        @Option(help: "kakehashi (another Kakehashi hub) or taxii (any TAXII 2.1 server).") var kind: String
        @Option(name: .customLong("api-root"), help: "The peer's TAXII API root URL, e.g. https://isac.example/taxii2/hub/.") var apiRoot: String
        @Option(help: "The collection's id at the peer.") var collection: String
        @Option(name: .customLong("local-collection"), help: "The local collection it feeds or is fed from (id or alias).") var localCollection: String
        @Option(help: "The local organisation that stands for the peer (id or name).") var organisation: String
        @Option(help: "pull, push or both.") var direction: String
        @Option(name: .customLong("tlp-cap"), help: "The highest TLP that may go to the peer: clear, green, or amber (with --same-community).") var tlpCap: String = "green"
        @Flag(name: .customLong("same-community"), help: "The peer belongs to this hub's community (needed for an AMBER cap).") var sameCommunity = false
        @Option(name: .customLong("unmarked-default"), help: "The TLP the peer applies to objects without a TLP marking.") var unmarkedDefault: String = "amber"
        @Option(help: "Seconds between exchanges (1 to 86400).") var interval: Int = 60
        @Option(name: .customLong("credential-file"), help: "An absolute path to a file holding the peer's token (or user:password).") var credentialFile: String?
        @Option(name: .customLong("credential-env"), help: "An environment variable of the serving hub holding the peer's token (or user:password).") var credentialEnv: String?

        func validate() throws {
            if credentialFile != nil, credentialEnv != nil {
                throw ValidationError("give --credential-file or --credential-env, not both")
            }
        }

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let credential = credentialFile.map { "file:" + $0 } ?? credentialEnv.map { "env:" + $0 } ?? "none"
            let declaration = PeerService.Declaration(name: name, kind: kind, apiRoot: apiRoot, collection: collection, localCollection: localCollection,
                                                      organisation: organisation, direction: direction, tlpCap: tlpCap, sameCommunity: sameCommunity,
                                                      unmarkedDefault: unmarkedDefault, intervalSeconds: interval, credential: credential)
            do {
                let peer = try await PeerService(hub: hub).declare(declaration, by: .commandLine)
                console.print(peer.id.uuidString.lowercased())
                if case .file(let path) = peer.credential, !FileManager.default.isReadableFile(atPath: path) {
                    // Only a note: the serving hub reads the file at each exchange, and may run as another user.
                    console.note("note: \(path) cannot be read from here; the serving hub reads it at each exchange with \(peer.name)\n")
                }
            } catch let error as PeerDeclarationError {
                throw ValidationError("\(Self.option(for: error.field)): \(error.message)")
            }
        }

        /// The option a declaration error's field was given as.
        static func option(for field: String) -> String {
            switch field {
            case "interval": "--interval"
            case "credential": "--credential-file/--credential-env"
            default: "--" + field.replacingOccurrences(of: "_", with: "-")
            }
        }
    }

    struct List: HubCommand {
        static let configuration = CommandConfiguration(abstract: "List peers and where each exchange stands (one line each, tab-separated).")
        @OptionGroup var options: DatabaseOptions

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            for entry in try await PeerService(hub: hub).overview() {
                console.print(Self.line(entry))
            }
        }

        /// A peer's line: who it is, how it is declared, then its state.
        static func line(_ entry: PeerService.Overview) -> String {
            let peer = entry.peer
            let state = entry.state
            func time(_ date: Date?) -> String { date.map { MicrosTimestamp.format($0.micros, fractionDigits: 3) } ?? "never" }
            return [
                peer.id.uuidString.lowercased(), peer.name, peer.kind.rawValue, peer.direction.rawValue, peer.paused ? "paused" : "active",
                "cap=\(peer.tlpCap.rawValue)\(peer.sameCommunity ? "+community" : "")", "unmarked=\(peer.unmarkedDefault.rawValue)",
                "interval=\(peer.intervalSeconds)s", "credential=\(peer.credential.reference)", peer.apiRoot,
                "last_success=\(time(state.lastSuccessAt))",
                "last_error=\(state.lastError.map { "\(time(state.lastErrorAt)) \($0)" } ?? "none")",
                "lag=\(state.lagObjects) objects/\(String(format: "%.1f", state.lagSeconds))s",
                "sent=\(state.sent)", "received=\(state.received)", "refused=\(state.refused)", "failures=\(state.consecutiveFailures)",
            ].map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
        }
    }

    struct Remove: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a peer and its exchange state; what it delivered stays.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The peer's name or id.") var peer: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let service = PeerService(hub: hub)
            let found = try await PeerCommand.find(peer, in: service)
            try await service.remove(found.id, by: .commandLine)
            console.print("removed \(found.name)")
        }
    }

    struct Pause: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Stop exchanging with a peer until it is resumed.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The peer's name or id.") var peer: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let service = PeerService(hub: hub)
            let found = try await PeerCommand.find(peer, in: service)
            try await service.setPaused(found.id, true, by: .commandLine)
            console.print("paused \(found.name)")
        }
    }

    struct Resume: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Exchange with a paused peer again.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The peer's name or id.") var peer: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let service = PeerService(hub: hub)
            let found = try await PeerCommand.find(peer, in: service)
            try await service.setPaused(found.id, false, by: .commandLine)
            console.print("resumed \(found.name)")
        }
    }

    static func find(_ reference: String, in service: PeerService) async throws -> Peer {
        guard let peer = try await service.find(reference: reference) else {
            throw ValidationError("no peer has the name or id '\(reference)'; see 'kakehashi peer list'")
        }
        return peer
    }
}
