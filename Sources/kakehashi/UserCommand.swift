import ArgumentParser
import Foundation
import KakehashiServer
import Logging

/// `kakehashi user create|list`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Create.self, List.self])

    struct Create: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from standard input.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Organisation id or name.") var org: String
        @Option(help: "Sign-in name.") var username: String
        @Option(help: "admin, analyst, reporter or viewer.") var role: String
        @Option(name: .customLong("display-name"), help: "Name shown on pages.") var displayName: String?
        @Option(help: "ja or en.") var locale: String = "ja"
        @Option(name: .customLong("time-zone"), help: "IANA time zone.") var timeZone: String = "Asia/Tokyo"

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            guard let line = console.readLine(), !line.isEmpty else {
                throw ValidationError("give the password on standard input, e.g. 'kakehashi user create … < password-file' (never on the command line)")
            }
            let user = try await AdminOperations(hub: hub).createUser(organisation: org, username: username, displayName: displayName, role: role, password: line, locale: locale, timeZone: timeZone)
            console.print(user.id.uuidString.lowercased())
        }
    }

    struct List: HubCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var options: DatabaseOptions

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let organisations = Dictionary(uniqueKeysWithValues: try await hub.organisations.list().map { ($0.id, $0.nameEn) })
            for user in try await hub.users.list() {
                console.print([user.id.uuidString.lowercased(), user.username, user.role.rawValue, organisations[user.organisationID] ?? "?", user.displayName].joined(separator: "\t"))
            }
        }
    }
}
