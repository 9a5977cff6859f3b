import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
import Logging

/// `kakehashi collection create|list`.
struct CollectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "collection", abstract: "Manage TAXII collections (one per sharing community).", subcommands: [Create.self, List.self])

    struct Create: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Add a collection; prints its id.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Title shown to TAXII clients.") var title: String
        @Option(help: "Short unique name, e.g. transport.") var alias: String?
        @Option(help: "Description.") var description: String?
        @Option(help: "Comma-separated organisations (ids or names) that may read.") var readers: String
        @Option(help: "Comma-separated organisations (ids or names) that may add objects.") var writers: String = ""
        @Option(name: .customLong("default-tlp"), help: "TLP for objects without a TLP marking: clear, green, amber, amber+strict, red.") var defaultTLP: String = "amber"

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let collection = try await AdminOperations(hub: hub).createCollection(
                title: title, alias: alias, description: description,
                readers: Self.split(readers), writers: Self.split(writers), defaultTLP: defaultTLP)
            console.print(collection.id.uuidString.lowercased())
        }

        static func split(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    struct List: HubCommand {
        static let configuration = CommandConfiguration(abstract: "List collections.")
        @OptionGroup var options: DatabaseOptions

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            for collection in try await hub.collections.list() {
                console.print([collection.id.uuidString.lowercased(), collection.alias ?? "-", collection.defaultTLP.rawValue, collection.title,
                       "readers=\(collection.readers.count)", "writers=\(collection.writers.count)"].joined(separator: "\t"))
            }
        }
    }
}
