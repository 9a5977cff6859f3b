import HummingbirdBcrypt
import KakehashiCore
import NIOPosix

/// bcrypt hashing, run on the thread pool so that its deliberate slowness never blocks an event loop.
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// Hashes a password for storage.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches a stored hash.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A real hash at this cost of a random secret, made once per process, for comparing against when
    /// a username does not exist: unknown names then take as long as wrong passwords, so timing does not
    /// reveal which accounts exist.
    public func decoyHash() async throws -> String {
        try await DecoyHashes.shared.hash(cost: cost) { try await hash(SecretToken.generate(prefix: "decoy").value) }
    }

    /// Checks that a new password is acceptable.
    /// - Throws: ``APIError`` naming the rule when it is too short.
    public static func validate(_ password: String) throws {
        guard password.count >= 12 else {
            throw APIError(.badRequest, code: "weak-password", "the password must have at least 12 characters", field: "password")
        }
    }
}

/// The decoy hashes made so far, by cost.
private actor DecoyHashes {
    static let shared = DecoyHashes()
    private var byCost: [UInt8: String] = [:]

    func hash(cost: UInt8, make: @Sendable () async throws -> String) async throws -> String {
        if let known = byCost[cost] { return known }
        let made = try await make()
        byCost[cost] = byCost[cost] ?? made
        return byCost[cost] ?? made
    }
}
