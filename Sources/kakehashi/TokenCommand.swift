import ArgumentParser
import Foundation
import KakehashiServer
import Logging

/// `kakehashi token create|revoke`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self, Revoke.self])

    struct Create: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; prints it once, alone on standard output.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The user the token acts for.") var user: String
        @Option(help: "A name to recognise the token by.") var name: String = "cli"
        @Option(help: "Comma-separated scopes: read, write, report, admin.") var scopes: String = "read"
        @Option(name: .customLong("expires-days"), help: "Days until it expires (default 90).") var expiresDays: Int = 90

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let created = try await AdminOperations(hub: hub).createToken(username: user, name: name, scopes: scopes, expiresInDays: expiresDays)
            console.note("token \(created.token.id.uuidString.lowercased()) created; it is shown once:\n")
            console.print(created.secret.value)
        }
    }

    struct Revoke: HubCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The token's id (see the API's token list).") var id: String

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("'\(id)' is not a token id (a UUID)") }
        }

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            guard let uuid = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a token id (a UUID)") }
            try await AdminOperations(hub: hub).revokeToken(id: uuid)
            console.print("revoked \(uuid.uuidString.lowercased())")
        }
    }
}
