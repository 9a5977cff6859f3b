import HummingbirdBcrypt
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

    /// Checks that a new password is acceptable.
    /// - Throws: ``APIError`` naming the rule when it is too short.
    public static func validate(_ password: String) throws {
        guard password.count >= 12 else {
            throw APIError(.badRequest, code: "weak-password", "the password must have at least 12 characters", field: "password")
        }
    }
}
