import Foundation

/// Wakes a peer's exchange loop early: the loop waits for its interval or until the bell rings (the peer's
/// stream announced a new object), whichever comes first. A ring while nobody waits is kept for the next wait.
actor Doorbell {
    private var rung = false
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    private var released: Set<UUID> = []

    func ring() {
        if waiters.isEmpty {
            rung = true
            return
        }
        let parked = waiters
        waiters.removeAll()
        for (id, continuation) in parked {
            released.insert(id)
            continuation.resume()
        }
    }

    /// Returns after `duration`, when the bell rings, or when the task is cancelled.
    func wait(upTo duration: Duration) async {
        if rung {
            rung = false
            return
        }
        let id = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: duration)
                await self.release(id)
            }
            group.addTask { await self.park(id) }
            await group.next()
            group.cancelAll()
            await self.release(id)
        }
        released.remove(id)
    }

    private func park(_ id: UUID) async {
        // A ring between the start of the wait and this park is kept in `rung`: take it here, or it would wait the whole interval.
        if released.contains(id) || takeRing() { return }
        await withCheckedContinuation { continuation in
            if released.contains(id) || takeRing() {
                continuation.resume()
            } else {
                waiters[id] = continuation
            }
        }
    }

    private func takeRing() -> Bool {
        defer { rung = false }
        return rung
    }

    private func release(_ id: UUID) {
        released.insert(id)
        waiters.removeValue(forKey: id)?.resume()
    }
}
