/// A growable scratch list of posting-list heads, in raw memory, reused across events.
/// The owner (`HuntEngine`) allocates it once and frees it with `deallocate()`.
public struct HeadBuffer: @unchecked Sendable {
    // Owned by one engine, never shared between threads.
    private(set) var base: UnsafeMutablePointer<Int32>
    private var capacity: Int
    /// Number of heads collected.
    public var count = 0

    /// A buffer with room for `capacity` heads before it grows.
    public init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Appends a head, growing if needed.
    @inline(__always)
    mutating func append(_ head: Int32) {
        if count == capacity { grow() }
        base[count] = head
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Frees the memory.
    public func deallocate() { base.deallocate() }
}
