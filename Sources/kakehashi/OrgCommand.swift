import Foundation
import ArgumentParser
import KakehashiCore
import KakehashiServer
import Logging

/// `kakehashi org create|list|set-emails|emails`.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "org", abstract: "Manage member organisations.", subcommands: [Create.self, List.self, SetEmails.self, Emails.self])

    struct Create: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organisation; prints its id.")
        @OptionGroup var options: DatabaseOptions
        @Option(name: .customLong("name-ja"), help: "Japanese name.") var nameJa: String
        @Option(name: .customLong("name-en"), help: "English name (unique).") var nameEn: String
        @Option(help: "operator, regulator, national-center, isac or vendor.") var kind: String
        @Option(help: "Comma-separated sectors, e.g. railways,ports.") var sectors: String = ""
        @Option(name: .customLong("isac-tier"), help: "regular, supporting or observer.") var isacTier: String?

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let organisation = try await AdminOperations(hub: hub).createOrganisation(
                nameJa: nameJa, nameEn: nameEn, kind: kind,
                sectors: sectors.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }, isacTier: isacTier)
            console.print(organisation.id.uuidString.lowercased())
        }
    }

    struct List: HubCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations.")
        @OptionGroup var options: DatabaseOptions

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            for organisation in try await hub.organisations.list() {
                let sectors = organisation.sectors.map(\.rawValue).joined(separator: ",")
                console.print([organisation.id.uuidString.lowercased(), organisation.kind.rawValue, organisation.nameEn, organisation.nameJa, sectors, organisation.isacTier?.rawValue ?? "-"].joined(separator: "\t"))
            }
        }
    }

    struct SetEmails: HubCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-emails",
            abstract: "Set where an organisation's notification e-mails go; prints the addresses kept.",
            discussion: "An empty --emails \"\" removes every address: the organisation's mail then stays in the outbox.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Organisation id, English or Japanese name.") var org: String
        @Option(help: "Comma-separated addresses, e.g. soc@example.jp,csirt@example.jp.") var emails: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let addresses = emails.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let result = try await AdminOperations(hub: hub).setNotificationEmails(organisation: org, addresses: addresses)
            for address in result.addresses { console.print(address.value) }
        }
    }

    struct Emails: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Print where an organisation's notification e-mails go, one address a line.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Organisation id, English or Japanese name.") var org: String

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            guard let organisation = try await hub.organisations.find(reference: org) else {
                throw ValidationError("no organisation has the id or name '\(org)'; see 'kakehashi org list'")
            }
            for address in try await hub.notificationAddresses.addresses(of: organisation.id) { console.print(address.value) }
        }
    }
}
