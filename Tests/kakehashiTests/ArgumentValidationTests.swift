import ArgumentParser
@testable import kakehashi
import Testing

/// Arguments that cannot work are refused while parsing, with a message that says what to change.
@Suite struct ArgumentValidationTests {
    @Test(arguments: [
        (["org", "list", "--database", "mysql://hub@db/hub"], "--database:"),
        (["org", "list", "--log-level", "loud"], "--log-level: unknown level 'loud'"),
        (["org", "create", "--name-en", "X", "--kind", "operator"], "--name-ja"),
        (["token", "revoke", "not-a-token"], "'not-a-token' is not a token id (a UUID)"),
        (["authority", "assign", "JP_MLIT", "--orgs", "MLIT"], "lower-case letters, digits and hyphens"),
        (["audit", "export", "--since", "yesterday"], "--since: 'yesterday' is not an ISO 8601 time"),
        (["advisories", "import", "--format", "pdf", "a.json"], "--format must be csaf, cve or kev"),
        (["advisories", "import"], "paths"),
        (["advisories", "feed-remove", "feed-1"], "'feed-1' is not a feed id"),
        (["serve", "--port", "0"], "--port must be between 1 and 65535"),
        (["serve", "--tls-cert", "/etc/hosts"], "--tls-cert and --tls-key go together"),
        (["serve", "--tls-cert", "/no/cert.pem", "--tls-key", "/no/key.pem"], "cannot read /no/cert.pem"),
        (["serve", "--smtp-from", "hub@example.jp"], "--smtp-from, --smtp-user and --smtp-password-file need --smtp-url"),
        (["serve", "--smtp-url", "smtp://mail.example.jp:587"], "--smtp-url needs --smtp-from"),
        (["hunt", "--logs", "conn.log"], "give --indicators FILE, or --hub URL"),
        (["hunt", "--indicators", "i.json", "--logs", "a.csv", "--format", "csv"], "--format csv needs --mapping FILE"),
        (["hunt", "--logs", "conn.log", "--hub", "https://hub.example.jp"], "--hub needs --collection ID and --token-file FILE"),
        (["hunt", "--indicators", "i.json", "--logs", "conn.log", "--report"], "--report, --collection and --token-file need --hub URL"),
    ])
    func badArgumentsAreRefusedWithAMessage(arguments: [String], expected: String) {
        let message = validationMessage(arguments)

        #expect(message?.contains(expected) == true, "\(arguments): \(message ?? "accepted")")
    }

    @Test func goodArgumentsParseIntoTheCommand() throws {
        let create = try parse(["org", "create", "--name-ja", "ひかり物流", "--name-en", "Hikari Logistics", "--kind", "operator",
                                "--database", "postgres://hub:secret@db.example.jp:5432/hub"], as: OrgCommand.Create.self)
        #expect(create.nameEn == "Hikari Logistics" && create.sectors == "" && create.isacTier == nil)
        #expect(try create.options.location.description == "postgres://hub@db.example.jp:5432/hub")
        let token = try parse(["token", "create", "--user", "rail-analyst"], as: TokenCommand.Create.self)
        #expect(token.scopes == "read" && token.expiresDays == 90 && token.name == "cli")
        #expect(try parse(["migrate"], as: MigrateCommand.self).options.database == "sqlite:./kakehashi-data/kakehashi.sqlite")
        #expect(validationMessage(["serve", "--port", "8443"]) == nil)
    }
}
