import ArgumentParser
import KakehashiCore
import KakehashiServer

/// `kakehashi org create|list`.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: "Manage member organisations.", subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organisation; prints its id.")
        @OptionGroup var options: DatabaseOptions
        @Option(name: .customLong("name-ja"), help: "Japanese name.") var nameJa: String
        @Option(name: .customLong("name-en"), help: "English name (unique).") var nameEn: String
        @Option(help: "operator, regulator, national-center, isac or vendor.") var kind: String
        @Option(help: "Comma-separated sectors, e.g. railways,ports.") var sectors: String = ""
        @Option(name: .customLong("isac-tier"), help: "regular, supporting or observer.") var isacTier: String?

        func run() async throws {
            let logger = options.makeLogger()
            let organisation = try await options.withHub(logger: logger) { hub in
                try await AdminOperations(hub: hub).createOrganisation(
                    nameJa: nameJa, nameEn: nameEn, kind: kind,
                    sectors: sectors.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }, isacTier: isacTier)
            }
            print(organisation.id.uuidString.lowercased())
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations.")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            let logger = options.makeLogger()
            let organisations = try await options.withHub(logger: logger) { hub in try await hub.organisations.list() }
            for organisation in organisations {
                let sectors = organisation.sectors.map(\.rawValue).joined(separator: ",")
                print([organisation.id.uuidString.lowercased(), organisation.kind.rawValue, organisation.nameEn, organisation.nameJa, sectors, organisation.isacTier?.rawValue ?? "-"].joined(separator: "\t"))
            }
        }
    }
}
