import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

/// Checks a username and password, with throttling and auditing, and opens a browser session.
struct SignInService: Sendable {
    let hub: Hub

    /// Why a sign-in did not succeed.
    enum Failure: Error, Equatable {
        case badCredentials
        case throttled
    }

    /// Ends the browser session behind `secret`, audited.
    func signOut(secret: String, context: HubRequestContext) async throws {
        try await hub.sessions.delete(secret: secret)
        try await hub.audit.append(.by(context, action: "session.signout"))
    }

    /// Signs in; returns the session cookie secret and session on success.
    func signIn(username: String, password: String, address: String, logger: Logger) async throws -> Result<(secret: SecretToken, session: BrowserSession, user: User), Failure> {
        if try await hub.throttle.isLocked(username: username, address: address) {
            try await hub.audit.append(AuditRecord(actorUser: username, action: "session.signin.throttled", clientAddress: address))
            return .failure(.throttled)
        }
        let credentials = try await hub.users.credentials(username: username)
        let stored: String
        if let credentials { stored = credentials.passwordHash } else { stored = try await hub.passwords.decoyHash() }
        let matches = try await hub.passwords.verify(password, hash: stored)
        guard let credentials, matches, !credentials.user.disabled else {
            try await hub.throttle.recordFailure(username: username, address: address)
            try await hub.audit.append(AuditRecord(actorUser: username, action: "session.signin.failed", clientAddress: address))
            logger.notice("failed sign-in", metadata: ["auth.username": "\(username)", "client.address": "\(address)"])
            return .failure(.badCredentials)
        }
        try await hub.throttle.clear(username: username)
        let (secret, session) = try await hub.sessions.create(userID: credentials.user.id, lifetime: hub.configuration.sessionLifetime)
        try await hub.audit.append(AuditRecord(
            actorUser: username, actorOrganisation: credentials.user.organisationID.uuidString.lowercased(),
            action: "session.signin", clientAddress: address))
        return .success((secret, session, credentials.user))
    }
}
