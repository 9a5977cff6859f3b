import Foundation
import Logging
import SQLKit
import NIOPosix
import SQLiteKit

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
