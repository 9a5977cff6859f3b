import Foundation
import Logging
import NIOSSL
import PostgresKit

extension HubDatabase {
    /// Listens on a PostgreSQL channel on a connection of its own (a pooled one would be held for good),
    /// calling `ready` once the server listens and `receive` with each notification's payload.
    ///
    /// Returns when the task is cancelled; throws when the connection cannot be made or drops. On SQLite,
    /// which has no notifications, it returns at once.
    func listen(on channel: String, logger: Logger, ready: @Sendable () -> Void, _ receive: @Sendable (String) -> Void) async throws {
        guard case .postgres(let host, let port, let username, let password, let database, let requireTLS) = location else { return }
        let tls: PostgresConnection.Configuration.TLS = requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        let configuration = PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            try await connection.listen(on: channel) { notifications in
                ready()
                for try await notification in notifications {
                    receive(notification.payload)
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
        if !Task.isCancelled {
            throw StorageError(.unreachable, "the PostgreSQL connection listening on \(channel) closed")
        }
    }
}
