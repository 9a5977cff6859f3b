import Foundation
import KakehashiCore
import KakehashiStorage
import Logging
import ServiceLifecycle

/// The background service that exchanges with every declared peer.
///
/// It reads the peer list every few seconds and runs each active peer in a task of its own, so a peer that
/// is down, slow, or answers garbage never holds up another; a paused or removed peer's task is stopped, a
/// changed peer's restarted. Each peer waits its interval between exchanges, or, after failures, a backoff
/// that doubles up to a cap; a Kakehashi peer's stream cuts the wait short when it announces an object.
/// `kakehashi serve` runs it beside the HTTP server (``HubConfiguration/federation``).
public struct FederationService: Service {
    /// Applies verified deletion notices received from `peer` into `collection`; returns how many were
    /// applied and which were refused, with why. (The exchange endpoint's side provides it.)
    public typealias ApplyNotices = @Sendable (_ notices: [DeletionNotice], _ peer: Peer, _ collection: SharingCollection) async throws
        -> (applied: Int, refused: [(objectID: String, reason: String)])

    let hub: Hub
    let settings: FederationSettings
    let applyNotices: ApplyNotices
    let logger: Logger

    public init(hub: Hub, settings: FederationSettings = FederationSettings(), applyNotices: ApplyNotices? = nil, logger: Logger) {
        self.hub = hub
        self.settings = settings
        self.applyNotices = applyNotices ?? Self.applyingDeletions(hub: hub)
        self.logger = logger
    }

    /// The hub's own way of applying notices a Kakehashi peer's page carried: each is verified and applied
    /// alone (``FederationRepository/applyDeletion(_:from:into:audit:now:)``), audited; a refused one is named.
    static func applyingDeletions(hub: Hub) -> ApplyNotices {
        { notices, peer, collection in
            var applied = 0
            var refused: [(objectID: String, reason: String)] = []
            for notice in notices {
                let audit = AuditRecord(actorUser: "federation", action: "federation.deletion.apply", objectType: "stix-object", objectID: notice.objectID,
                                        clientAddress: "local", details: ["peer": peer.name, "collection": collection.id.uuidString.lowercased()])
                do {
                    try await hub.federation.applyDeletion(notice, from: peer, into: collection, audit: audit)
                    applied += 1
                } catch let error as FederationError {
                    refused.append((notice.objectID, error.description))
                }
            }
            return (applied, refused)
        }
    }

    public func run() async throws {
        let hubID = try await hub.identity.identity().hubID
        let running = PeerTasks()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let peers = try await hub.peers.list().filter { !$0.paused }
                    await running.reconcile(peers) { peer in
                        PeerExchanger(hub: hub, peer: peer, settings: settings, hubID: hubID, applyNotices: applyNotices, logger: logger)
                    }
                } catch {
                    logger.warning("cannot read the declared peers", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: settings.reloadInterval)
            }
        }
        await running.stopAll()
    }
}

/// The running peer tasks, by peer id, with the declaration each was started with.
actor PeerTasks {
    private var tasks: [UUID: (peer: Peer, task: Task<Void, Never>)] = [:]

    /// Starts a task for each peer not running, restarts those whose declaration changed, stops the rest.
    func reconcile(_ peers: [Peer], make: (Peer) -> PeerExchanger) {
        let wanted = Dictionary(peers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, running) in tasks where wanted[id] != running.peer {
            running.task.cancel()
            tasks[id] = nil
        }
        for (id, peer) in wanted where tasks[id] == nil {
            let exchanger = make(peer)
            tasks[id] = (peer, Task { await exchanger.run() })
        }
    }

    var runningPeers: [UUID] { Array(tasks.keys) }

    func stopAll() async {
        let all = tasks.values.map(\.task)
        tasks.removeAll()
        for task in all { task.cancel() }
        for task in all { await task.value }
    }
}

extension PeerExchanger {
    /// Exchanges until cancelled: once per interval, sooner when the doorbell rings, later after failures.
    func run() async {
        let doorbell = Doorbell()
        let stream: Task<Void, Never>? = (peer.kind == .kakehashi && peer.direction.pulls)
            ? Task { [http, logger] in await PeerStreamFollower(http: http, doorbell: doorbell, logger: logger).run() }
            : nil
        defer { stream?.cancel() }
        var failures = (try? await hub.peers.state(of: peer.id).consecutiveFailures) ?? 0
        while !Task.isCancelled {
            let started = ContinuousClock.now
            var wait = Duration.seconds(peer.intervalSeconds)
            var result = "ok"
            do {
                try await exchange()
                failures = 0
            } catch {
                if Task.isCancelled { break }
                failures += 1
                result = "failed"
                wait = settings.backoff(afterFailures: failures)
                logger.warning("exchange with peer failed", metadata: ["error": "\(error)", "federation.failures": "\(failures)", "federation.retry_in": "\(wait)"])
                do { try await hub.peers.recordFailure(peer: peer.id, reason: "\(error)") } catch {
                    logger.error("cannot record the peer's failure", metadata: ["error": "\(error)"])
                }
            }
            FederationMetrics.exchangeDuration(hub.metrics, peer: peer.name, outcome: result).recordNanoseconds((ContinuousClock.now - started).nanoseconds)
            await doorbell.wait(upTo: wait)
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
