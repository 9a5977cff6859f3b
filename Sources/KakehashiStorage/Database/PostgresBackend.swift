import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// A pool of PostgreSQL connections; several hub processes may share the database.
final class PostgresBackend: DatabaseBackend {
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient, runner: Task<Void, Never>) {
        self.client = client
        self.runner = runner
    }

    static func open(configuration: PostgresClient.Configuration, host: String, port: Int, described: String, logger: Logger) async throws -> PostgresBackend {
        // A plain TCP connect first: a refused or unroutable address is named at once, instead of
        // after the pool's retries run out.
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(5)).connect(host: host, port: port).get()
            try? await channel.close()
        } catch {
            throw StorageError(.unreachable, "cannot connect to the PostgreSQL server at \(described): \(error)")
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        let backend = PostgresBackend(client: client, runner: runner)
        do {
            try await withDeadline(seconds: 10, described: described) {
                _ = try await backend.withDatabase { db in try await db.raw("SELECT 1 AS one").all() }
            }
        } catch let error as StorageError {
            runner.cancel()
            throw error
        } catch {
            runner.cancel()
            throw StorageError(.unreachable, "cannot reach the PostgreSQL database at \(described): \(Self.explain(error))")
        }
        return backend
    }

    private static func explain(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            return "\(psql.code)"
        }
        return String(describing: error)
    }

    func withDatabase<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    func withTransaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            let database = connection.sql(queryLogLevel: .trace)
            try await database.raw("BEGIN").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }
}

/// Runs `body`, failing with an `unreachable` error if it takes longer than `seconds`.
func withDeadline(seconds: Int, described: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Bool.self) { group in
        group.addTask { try await body(); return true }
        group.addTask { try await Task.sleep(for: .seconds(seconds)); return false }
        let finished = try await group.next() ?? false
        group.cancelAll()
        if !finished {
            throw StorageError(.unreachable, "the database at \(described) did not answer within \(seconds) s")
        }
    }
}
