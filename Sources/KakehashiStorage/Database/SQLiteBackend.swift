import Foundation
import Logging
import SQLKit
import NIOPosix
import SQLiteKit

/// One SQLite connection in WAL mode, used by one statement or transaction at a time.
final class SQLiteBackend: DatabaseBackend {
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let lock = AsyncLock()
    /// The connection's own thread: SQLite blocks while it waits for another process's write lock
    /// (busy timeout), and that wait must not hold up threads that other databases need.
    private let threadPool: NIOThreadPool

    private init(connection: SQLiteConnection, threadPool: NIOThreadPool) {
        self.connection = connection
        self.database = HubSQLDatabase(base: connection.sql(queryLogLevel: .trace), sqlite: connection)
        self.threadPool = threadPool
    }

    static func open(path: String, logger: Logger) async throws -> SQLiteBackend {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(.unreachable, "cannot create the folder \(directory.path) for the SQLite database: \(error.localizedDescription)")
        }
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: url.path), threadPool: threadPool, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()).get()
        } catch {
            try? await threadPool.shutdownGracefully()
            throw StorageError(.unreachable, "cannot open the SQLite database at \(url.path)", underlying: error)
        }
        do {
            // WAL lets readers in other processes run beside the writer; FULL makes every commit durable
            // before the hub acknowledges it; the busy timeout waits for another process's writer.
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
                _ = try await connection.query(pragma)
            }
        } catch {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
            throw StorageError(.unreachable, "the file at \(url.path) is not a usable SQLite database", underlying: error)
        }
        return SQLiteBackend(connection: connection, threadPool: threadPool)
    }

    func withDatabase<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let database = self.database
        return try await lock.withLock { try await body(database) }
    }

    func withTransaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let database = self.database
        return try await lock.withLock {
            try await database.raw("BEGIN IMMEDIATE").run()
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
        try? await connection.close()
        try? await threadPool.shutdownGracefully()
    }
}
