import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct MemberRepositoryTests {
    static func railway() -> Organisation {
        Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways, .logistics], isacTier: .regular)
    }

    @Test(arguments: TestEngine.allCases)
    func organisationsRoundTrip(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let repository = OrganisationRepository(database: database)
            let organisation = Self.railway()
            try await repository.create(organisation)

            let found = try await repository.find(reference: "さくら旅客鉄道")
            #expect(found?.id == organisation.id)
            #expect(found?.sectors == [.railways, .logistics])
            #expect(found?.isacTier == .regular)
            await #expect {
                try await repository.create(Organisation(nameJa: "別", nameEn: "Sakura Railway", kind: .vendor))
            } throws: { ($0 as? StorageError)?.code == .conflict }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func usersNeedAnOrganisationAndUniqueNames(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let organisations = OrganisationRepository(database: database)
            let users = UserRepository(database: database)
            let organisation = Self.railway()
            try await organisations.create(organisation)
            let user = User(organisationID: organisation.id, username: "tanaka", displayName: "田中", role: .analyst)
            try await users.create(user, passwordHash: "hash-1")

            let credentials = try await users.credentials(username: "tanaka")
            #expect(credentials?.user == User(id: user.id, organisationID: organisation.id, username: "tanaka", displayName: "田中", role: .analyst, createdAt: credentials!.user.createdAt))
            #expect(credentials?.passwordHash == "hash-1")
            await #expect { try await users.create(User(organisationID: organisation.id, username: "tanaka", displayName: "x", role: .viewer), passwordHash: "h") }
                throws: { ($0 as? StorageError)?.code == .conflict }
            await #expect { try await users.create(User(organisationID: UUID(), username: "sato", displayName: "x", role: .viewer), passwordHash: "h") }
                throws: { ($0 as? StorageError)?.code == .notFound }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func tokensAreStoredHashedAndRevocable(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let organisation = Self.railway()
            try await OrganisationRepository(database: database).create(organisation)
            let user = User(organisationID: organisation.id, username: "suzuki", displayName: "鈴木", role: .analyst)
            try await UserRepository(database: database).create(user, passwordHash: "h")
            let tokens = TokenRepository(database: database)

            let (token, secret) = try await tokens.create(userID: user.id, name: "siem", scopes: [.read, .write], expiresAt: Date().addingTimeInterval(3600))
            #expect(secret.value.hasPrefix("kh_") && secret.value.count >= 46, "256 random bits in base64url plus the prefix")
            let rows = try await database.read { db in try await db.raw("SELECT token_hash FROM api_tokens").all() }
            let stored = try rows[0].decode(column: "token_hash", as: String.self)
            #expect(stored == secret.hash && stored != secret.value, "only the hash is stored")

            let found = try #require(try await tokens.find(secret: secret.value))
            #expect(found.id == token.id && found.scopes == [.read, .write] && found.isUsable(at: Date()))
            try await tokens.revoke(id: token.id)
            let revoked = try #require(try await tokens.find(secret: secret.value))
            #expect(!revoked.isUsable(at: Date()))
            #expect(try await tokens.find(secret: "kh_not-a-token") == nil)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func sessionsExpire(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let organisation = Self.railway()
            try await OrganisationRepository(database: database).create(organisation)
            let user = User(organisationID: organisation.id, username: "ito", displayName: "伊藤", role: .viewer)
            try await UserRepository(database: database).create(user, passwordHash: "h")
            let sessions = SessionRepository(database: database)
            let start = Date()
            let (secret, session) = try await sessions.create(userID: user.id, lifetime: 60, now: start)

            let live = try #require(try await sessions.find(secret: secret.value, now: start.addingTimeInterval(30)))
            #expect(live.userID == user.id && live.csrfToken == session.csrfToken)
            #expect(abs(live.expiresAt.timeIntervalSince(start) - 60) < 0.001)
            #expect(try await sessions.find(secret: secret.value, now: start.addingTimeInterval(61)) == nil)
            try await sessions.delete(secret: secret.value)
            #expect(try await sessions.find(secret: secret.value, now: start) == nil)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func throttleLocksAccountAndAddress(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let throttle = SignInThrottle(database: database, window: 900, accountLimit: 3, addressLimit: 5)
            let now = Date()
            for _ in 0..<3 { try await throttle.recordFailure(username: "Kato", address: "192.0.2.1", now: now) }
            #expect(try await throttle.isLocked(username: "kato", address: "192.0.2.99", now: now), "the account is locked from any address")
            #expect(try await !throttle.isLocked(username: "other", address: "192.0.2.1", now: now))
            for name in ["a", "b"] { try await throttle.recordFailure(username: name, address: "192.0.2.1", now: now) }
            #expect(try await throttle.isLocked(username: "other", address: "192.0.2.1", now: now), "the address is locked for every account")
            #expect(try await !throttle.isLocked(username: "kato", address: "192.0.2.99", now: now.addingTimeInterval(901)), "failures age out")
        }
    }
}
