/// Walks an audit chain in order and names the first entry that breaks it.
///
/// Feed entries in ascending sequence order with ``check(_:)``; then ``finish(expectedHead:)``
/// compares the last entry with the recorded head, which catches removal of the newest entries.
public struct AuditChainVerifier: Sendable {
    /// Why the chain is broken, and where.
    public struct Break: Error, Sendable, Equatable, CustomStringConvertible {
        /// The 1-based position (sequence number expected there) of the first bad entry.
        public var position: Int64
        public var reason: String
        public var description: String { "audit chain broken at position \(position): \(reason)" }
    }

    private var expectedSequence: Int64 = 1
    private var previousHash = AuditEntry.genesisHash
    /// How many entries were checked so far.
    public private(set) var checked: Int64 = 0

    public init() {}

    /// Checks the next entry.
    /// - Throws: ``Break`` at the first entry that was altered, removed or moved.
    public mutating func check(_ entry: AuditEntry) throws {
        if entry.sequence != expectedSequence {
            let reason = entry.sequence > expectedSequence
                ? "entry \(expectedSequence) is missing (next stored entry is \(entry.sequence))"
                : "entry \(entry.sequence) appears out of order"
            throw Break(position: expectedSequence, reason: reason)
        }
        if entry.previousHash != previousHash {
            throw Break(position: expectedSequence, reason: "previous-hash link does not match entry \(expectedSequence - 1): an entry was removed, reordered or altered")
        }
        if entry.computedHash() != entry.hash {
            throw Break(position: expectedSequence, reason: "content does not match its hash: the entry was altered")
        }
        previousHash = entry.hash
        expectedSequence += 1
        checked += 1
    }

    /// Confirms the chain ends where the recorded head says it does.
    public func finish(expectedHead: (sequence: Int64, hash: String)?) throws {
        guard let head = expectedHead else { return }
        if head.sequence != expectedSequence - 1 {
            throw Break(position: min(head.sequence, expectedSequence), reason: "the chain head records \(head.sequence) entries but \(expectedSequence - 1) were found")
        }
        if head.sequence > 0 && head.hash != previousHash {
            throw Break(position: head.sequence, reason: "the last entry's hash differs from the recorded chain head")
        }
    }
}
