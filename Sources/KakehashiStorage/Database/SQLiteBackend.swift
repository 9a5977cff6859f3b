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
    private let checkpointer: WALCheckpointer

    /// The writer's page cache, in KiB (16 MiB).
    static let cacheKiB = 16_384
    /// WAL pages after which the writer checkpoints by itself (about 40 MiB).
    static let backstopCheckpointPages = 10_000

    private init(connection: SQLiteConnection, threadPool: NIOThreadPool, checkpointer: WALCheckpointer) {
        self.connection = connection
        self.database = HubSQLDatabase(base: connection.sql(queryLogLevel: .trace), sqlite: connection)
        self.threadPool = threadPool
        self.checkpointer = checkpointer
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
            // A page cache that holds every page an envelope of 1,000 objects dirties (about 1,200 of 4 KiB,
            // one leaf of the object-id index per object): with SQLite's default of 2 MiB they spilled to
            // the WAL mid-transaction and were written again at commit.
            _ = try await connection.query("PRAGMA cache_size = -\(Self.cacheKiB)")
            // Checkpoints run on a second connection after commits (``WALCheckpointer``), not inside the
            // commit that crosses SQLite's default 1,000-page mark; this limit is only a backstop in case
            // that connection falls behind.
            _ = try await connection.query("PRAGMA wal_autocheckpoint = \(Self.backstopCheckpointPages)")
        } catch {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
            throw StorageError(.unreachable, "the file at \(url.path) is not a usable SQLite database", underlying: error)
        }
        let checkpointer: WALCheckpointer
        do {
            checkpointer = try await WALCheckpointer.open(path: url.path, logger: logger)
        } catch {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
            throw StorageError(.unreachable, "cannot open a second connection to the SQLite database at \(url.path)", underlying: error)
        }
        return SQLiteBackend(connection: connection, threadPool: threadPool, checkpointer: checkpointer)
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
                checkpointer.kick()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func close() async {
        await checkpointer.close()
        try? await connection.close()
        try? await threadPool.shutdownGracefully()
    }
}
