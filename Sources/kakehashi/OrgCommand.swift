import Foundation
import ArgumentParser
import KakehashiCore
import KakehashiServer

/// `kakehashi org create|list|set-emails|emails`.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: "Manage member organisations.", subcommands: [Create.self, List.self, SetEmails.self, Emails.self])

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

    struct SetEmails: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-emails",
            abstract: "Set where an organisation's notification e-mails go; prints the addresses kept.",
            discussion: "An empty --emails \"\" removes every address: the organisation's mail then stays in the outbox.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Organisation id, English or Japanese name.") var org: String
        @Option(help: "Comma-separated addresses, e.g. soc@example.jp,csirt@example.jp.") var emails: String

        func run() async throws {
            let logger = options.makeLogger()
            let addresses = emails.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let result = try await options.withHub(logger: logger) { hub in
                try await AdminOperations(hub: hub).setNotificationEmails(organisation: org, addresses: addresses)
            }
            for address in result.addresses { print(address.value) }
        }
    }

    struct Emails: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where an organisation's notification e-mails go, one address a line.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Organisation id, English or Japanese name.") var org: String

        func run() async throws {
            let logger = options.makeLogger()
            let addresses = try await options.withHub(logger: logger) { hub in
                guard let organisation = try await hub.organisations.find(reference: org) else {
                    throw ValidationError("no organisation has the id or name '\(org)'; see 'kakehashi org list'")
                }
                return try await hub.notificationAddresses.addresses(of: organisation.id)
            }
            for address in addresses { print(address.value) }
        }
    }
}
