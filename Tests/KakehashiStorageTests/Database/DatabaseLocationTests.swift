import KakehashiStorage
import Testing

@Suite struct DatabaseLocationTests {
    @Test func sqlitePath() throws {
        #expect(try DatabaseLocation(parsing: "sqlite:./data/hub.sqlite") == .sqlite(path: "./data/hub.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:///var/lib/hub.sqlite") == .sqlite(path: "/var/lib/hub.sqlite"))
    }

    @Test func postgresURL() throws {
        let location = try DatabaseLocation(parsing: "postgres://hub:p%40ss@db.example:6543/kakehashi?sslmode=require")
        #expect(location == .postgres(host: "db.example", port: 6543, username: "hub", password: "p@ss", database: "kakehashi", requireTLS: true))
        #expect(!location.description.contains("p@ss"), "the description is logged and must not carry the password")
    }

    @Test(arguments: [
        ("mysql://x@y/z", "unknown database location"),
        ("sqlite:", "names no file"),
        ("postgres://host/db", "names no user"),
        ("postgres://u@host", "names no database"),
    ])
    func badLocations(text: String, expected: String) {
        #expect {
            try DatabaseLocation(parsing: text)
        } throws: { error in
            (error as? StorageError)?.code == .badURL && String(describing: error).contains(expected)
        }
    }
}
