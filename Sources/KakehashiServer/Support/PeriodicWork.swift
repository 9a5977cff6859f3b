import Foundation
import Logging
import ServiceLifecycle

/// The loop of the hub's background services: do one round, wait, again, until graceful shutdown.
/// A failed round is logged and the next one tries again.
enum PeriodicWork {
    static func run(every interval: Duration, logger: Logger, failure: String, _ round: @escaping @Sendable () async throws -> Void) async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await round()
                } catch {
                    logger.warning("\(failure)", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
