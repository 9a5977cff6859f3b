import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
import KakehashiStorage
import Logging

/// `kakehashi equipment`: import or export an operator's critical-equipment registry as CSV.
struct EquipmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equipment", abstract: "Import or export an operator's critical-equipment registry (CSV).",
        subcommands: [Import.self, Export.self])

    struct Import: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Replace an organisation's registry with a CSV file, all or nothing, and re-match it.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The organisation (id or name).") var org: String
        @Argument(help: "The CSV file.") var file: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let items: [Equipment]
            do {
                items = try EquipmentCSV.parse(data)
            } catch {
                throw ValidationError("\(file): \(error.description); nothing imported")
            }
            guard let organisation = try await hub.organisations.find(reference: org) else {
                throw ValidationError("no organisation has the id or name '\(org)'; see 'kakehashi org list'")
            }
            let added = try await hub.advisories.replaceRegistry(
                organisation: organisation.id, items: items,
                audit: AuditRecord(actorUser: "cli", action: "equipment.replace", objectType: "equipment-registry",
                                   objectID: organisation.id.uuidString.lowercased(), clientAddress: "local", details: ["items": String(items.count)]),
                logger: logger)
            console.print("imported \(items.count) items; \(added) new findings")
        }
    }

    struct Export: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Print an organisation's registry as CSV.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The organisation (id or name).") var org: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            guard let organisation = try await hub.organisations.find(reference: org) else {
                throw ValidationError("no organisation has the id or name '\(org)'; see 'kakehashi org list'")
            }
            try await hub.audit.append(AuditRecord(actorUser: "cli", action: "equipment.export", objectType: "equipment-registry",
                                                   objectID: organisation.id.uuidString.lowercased(), clientAddress: "local"))
            console.write(EquipmentCSV.write(try await hub.advisories.equipment.list(organisation: organisation.id)))
        }
    }
}
