import Foundation
import Logging
import NIOConcurrencyHelpers

/// Wakes the readers of a collection when a commit adds objects to it: in this process at once, and on
/// PostgreSQL in every other hub process on the same database, through `LISTEN`/`NOTIFY`.
///
/// A wake-up carries no objects. Each subscriber reads from the database with its own cursor, so what it
/// may see is decided by the same filter as every other read, and a reader that falls behind holds one
/// pending wake-up at most (`bufferingNewest(1)`), never a queue of objects.
///
/// On PostgreSQL the signal listens on a connection of its own while anyone subscribes, and reconnects when
/// that connection drops; each time it starts listening it wakes every subscriber, because a commit made
/// while it was not listening would otherwise wait for the subscriber's safety poll.
public final class STIXCommitSignal: Sendable {
    /// The PostgreSQL channel commits are announced on.
    static let channel = "kakehashi_stix_commits"

    private struct State {
        var subscribers: [UUID: [Int: AsyncStream<Void>.Continuation]] = [:]
        /// The newest date added announced per collection, so that a commit heard twice (this process's
        /// own call, then its notification) wakes once.
        var newest: [UUID: Int64] = [:]
        var nextID = 0
        var listener: Task<Void, Never>?
        var listening = false
        /// Counts listening tasks, so that one cancelled does not report for its successor.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())
    private let database: HubDatabase?
    private let logger: Logger
    /// How long to wait before listening again after the listening connection failed.
    private let reconnectDelay: Duration

    /// A signal for this process only; with a PostgreSQL `database` also for every hub process on it.
    public init(database: HubDatabase? = nil, logger: Logger, reconnectDelay: Duration = .seconds(1)) {
        self.database = database?.engine == .postgres ? database : nil
        self.logger = logger
        self.reconnectDelay = reconnectDelay
    }

    /// Wake-ups for the readers of `collection`, one pending at most; the subscription ends with the stream.
    public func subscribe(to collection: UUID) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let start = state.withLockedValue { state -> Bool in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[collection, default: [:]][id] = continuation
            continuation.onTermination = { [weak self] _ in self?.unsubscribe(id, from: collection) }
            return state.listener == nil && database != nil
        }
        if start { startListening() }
        return stream
    }

    /// How many readers wait on `collection` in this process.
    public func subscribers(of collection: UUID) -> Int {
        state.withLockedValue { $0.subscribers[collection]?.count ?? 0 }
    }

    /// Whether the signal hears other hub processes' commits now (PostgreSQL, while anyone subscribes).
    public var isListening: Bool {
        state.withLockedValue { $0.listening }
    }

    /// Wakes the readers of `collection`, unless a commit at `lastAdded` or later has already woken them.
    public func committed(collection: UUID, lastAdded: Int64) {
        let waiting = state.withLockedValue { state -> [AsyncStream<Void>.Continuation] in
            if let newest = state.newest[collection], newest >= lastAdded { return [] }
            state.newest[collection] = lastAdded
            return Array(state.subscribers[collection, default: [:]].values)
        }
        for continuation in waiting { continuation.yield() }
    }

    /// Wakes every reader of every collection.
    func wakeAll() {
        let waiting = state.withLockedValue { $0.subscribers.values.flatMap(\.values) }
        for continuation in waiting { continuation.yield() }
    }

    /// The notification text for a commit: `<collection id> <last date added>`.
    static func payload(collection: UUID, lastAdded: Int64) -> String {
        "\(collection.uuidString.lowercased()) \(lastAdded)"
    }

    /// Reads a notification text; `nil` when it is not one this hub sends.
    static func parse(_ payload: String) -> (collection: UUID, lastAdded: Int64)? {
        let parts = payload.split(separator: " ")
        guard parts.count == 2, let collection = UUID(uuidString: String(parts[0])), let lastAdded = Int64(parts[1]) else { return nil }
        return (collection, lastAdded)
    }

    private func unsubscribe(_ id: Int, from collection: UUID) {
        let listener = state.withLockedValue { state -> Task<Void, Never>? in
            state.subscribers[collection]?[id] = nil
            if state.subscribers[collection]?.isEmpty == true { state.subscribers[collection] = nil }
            guard state.subscribers.isEmpty, let listener = state.listener else { return nil }
            state.listener = nil
            state.listening = false
            state.generation += 1
            return listener
        }
        // Nobody waits: the listening connection is closed until someone subscribes again.
        listener?.cancel()
    }

    /// Notes whether the listening connection of `generation` listens; when it starts to, every reader looks
    /// again, as a commit may have been missed while it did not.
    private func listening(_ listening: Bool, generation: Int) {
        let current = state.withLockedValue { state -> Bool in
            guard state.generation == generation else { return false }
            state.listening = listening
            return true
        }
        if current && listening { wakeAll() }
    }

    private func startListening() {
        guard let database else { return }
        let logger = self.logger, delay = reconnectDelay
        state.withLockedValue { state in
            guard state.listener == nil, !state.subscribers.isEmpty else { return }
            state.generation += 1
            let generation = state.generation
            // The task holds the signal only while it listens, which is while anyone subscribes.
            state.listener = Task {
                while !Task.isCancelled {
                    do {
                        try await database.listen(on: Self.channel, logger: logger, ready: { self.listening(true, generation: generation) }) { payload in
                            guard let commit = Self.parse(payload) else {
                                logger.warning("ignoring a commit notification this hub did not send", metadata: ["stream.payload": "\(payload)"])
                                return
                            }
                            self.committed(collection: commit.collection, lastAdded: commit.lastAdded)
                        }
                        self.listening(false, generation: generation)
                    } catch {
                        self.listening(false, generation: generation)
                        if Task.isCancelled { break }
                        logger.warning("listening for commits failed; listening again", metadata: ["stream.error": "\(String(reflecting: error))"])
                    }
                    try? await Task.sleep(for: delay)
                }
            }
        }
    }
}
