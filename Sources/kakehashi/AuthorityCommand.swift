import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
import KakehashiStorage
import Logging

/// `kakehashi authority assign`: which member organisations receive reports meant for an authority.
struct AuthorityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "authority", abstract: "Map reporting authorities (e.g. jp-mlit) to member organisations.", subcommands: [Assign.self])

    struct Assign: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Set the organisations that receive reports for an authority.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Authority id as the regimes name it, e.g. jp-mlit, jp-nisc, us-cisa.") var authority: String
        @Option(help: "Comma-separated organisations (ids or names).") var orgs: String

        func validate() throws {
            guard !authority.isEmpty, authority.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw ValidationError("an authority id is lower-case letters, digits and hyphens, e.g. jp-mlit")
            }
        }

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            var ids: [UUID] = []
            for reference in orgs.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !reference.isEmpty {
                guard let organisation = try await hub.organisations.find(reference: reference) else {
                    throw ValidationError("no organisation has the id or name '\(reference)'; see 'kakehashi org list'")
                }
                ids.append(organisation.id)
            }
            try await AuthorityDirectory(database: hub.database).assign(authority, to: ids,
                audit: AuditRecord(actorUser: "cli", action: "authority.assign", objectType: "authority", objectID: authority, clientAddress: "local"))
            console.print("\(authority) → \(orgs)")
        }
    }
}
