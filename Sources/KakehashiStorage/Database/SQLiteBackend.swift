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

/// Copies committed WAL frames into the database file on a second connection, after commits.
///
/// In SQLite's default, the commit that takes the WAL past 1,000 pages checkpoints it: it writes every
/// page into the database file and syncs it before returning, and an envelope of 1,000 objects dirties
/// more than 1,000 pages, so nearly every envelope waited for two more fsyncs. Here the writer only
/// appends to the WAL and syncs it (commits stay durable with `synchronous = FULL`), and this
/// connection's thread copies the frames meanwhile. Requests after commits coalesce into one
/// checkpoint; a `PASSIVE` checkpoint never blocks the writer or readers.
final class WALCheckpointer: Sendable {
    private let connection: SQLiteConnection
    private let threadPool: NIOThreadPool
    private let kicks: AsyncStream<Void>.Continuation
    private let task: Task<Void, Never>
    /// The least time between two checkpoints.
    static let spacing = Duration.milliseconds(100)

    private init(connection: SQLiteConnection, threadPool: NIOThreadPool, logger: Logger) {
        self.connection = connection
        self.threadPool = threadPool
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.kicks = continuation
        self.task = Task {
            var last: ContinuousClock.Instant?
            for await _ in stream {
                // A commit within `spacing` of the last checkpoint waits for a later commit's: checkpoints
                // start right after a commit, while the writer prepares its next transaction, so that they
                // often copy the whole WAL and the writer starts it again from the beginning.
                let now = ContinuousClock.now
                if let last, now - last < Self.spacing { continue }
                last = now
                do {
                    _ = try await connection.query("PRAGMA wal_checkpoint(PASSIVE)")
                } catch is CancellationError {
                    return  // closing: a checkpoint not yet started is skipped, closing the writer checkpoints
                } catch {
                    logger.warning("WAL checkpoint failed", metadata: ["sqlite.error": "\(error)"])
                }
            }
        }
    }

    /// Opens the checkpointing connection to the database at `path`, which the writer has opened already.
    static func open(path: String, logger: Logger) async throws -> WALCheckpointer {
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()).get()
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
        do {
            // FULL: the checkpoint syncs the WAL before copying it and the database file after.
            for pragma in ["PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 10000"] {
                _ = try await connection.query(pragma)
            }
        } catch {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
            throw error
        }
        return WALCheckpointer(connection: connection, threadPool: threadPool, logger: logger)
    }

    /// Asks for a checkpoint soon; returns at once.
    func kick() {
        kicks.yield()
    }

    /// Finishes the checkpoint under way, if any, and closes the connection (closing the last connection
    /// checkpoints what is left).
    func close() async {
        kicks.finish()
        task.cancel()
        await task.value
        try? await connection.close()
        try? await threadPool.shutdownGracefully()
    }
}
