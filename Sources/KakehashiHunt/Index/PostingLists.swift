/// Many small lists of term ids stored as linked entries in two flat arrays, so a million keys
/// cost two array slots per entry instead of a million heap-allocated arrays.
public struct PostingLists: Sendable {
    private(set) var term: [UInt32] = []
    private(set) var next: [Int32] = []

    /// An empty store.
    public init() {}

    /// Number of entries over all lists.
    public var count: Int { term.count }

    /// Prepends `termID` to the list starting at `head` (-1 for a new list); returns the new head.
    public mutating func push(_ termID: UInt32, onto head: Int32) -> Int32 {
        term.append(termID)
        next.append(head)
        return Int32(term.count - 1)
    }

    /// Calls `body` with each term id of the list starting at `head`.
    @inline(__always)
    public func forEach(from head: Int32, _ body: (UInt32) -> Void) {
        var e = head
        while e >= 0 {
            body(term[Int(e)])
            e = next[Int(e)]
        }
    }

    /// Bytes used, for memory reports.
    public var memoryBytes: Int { term.capacity * 4 + next.capacity * 4 }
}
