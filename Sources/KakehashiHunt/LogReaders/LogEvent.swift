/// One log record reduced to its observables, stored in a reusable byte arena so parsing a line
/// allocates nothing. Field bytes are valid until the next `reset()`.
public struct LogEvent {
    /// One observable value: its kind and where its bytes are in `arena`.
    public struct Field: Sendable, Equatable {
        /// What the value is.
        public var kind: ObservableKind
        /// Offset of the first byte in the arena.
        public var start: Int32
        /// Length in bytes.
        public var count: Int32
        /// The parsed address when `kind` is `.ipv4` (saves parsing it again for prefix lookups).
        public var v4: UInt32 = 0
    }

    /// Seconds since 1970 (UTC), or nil when the record has no usable time.
    public var timestamp: Double?
    /// The extracted observables.
    public internal(set) var fields: [Field] = []
    /// Index in `fields` of the connection's source address, or -1.
    public internal(set) var srcIP = -1
    /// Index in `fields` of the connection's destination address, or -1.
    public internal(set) var dstIP = -1
    /// Connection source port, or -1.
    public var srcPort: Int32 = -1
    /// Connection destination port, or -1.
    public var dstPort: Int32 = -1
    /// Offset/length in `arena` of the lower-cased protocol name; count 0 when absent.
    public internal(set) var proto: (start: Int32, count: Int32) = (0, 0)
    /// Bytes of all field values.
    public internal(set) var arena: [UInt8] = []
    // Pending HTTP host/uri pieces, joined into a URL by `finish()`.
    var hostRange: (start: Int32, count: Int32) = (0, 0)
    var uriRange: (start: Int32, count: Int32) = (0, 0)

    /// An empty event.
    public init() {
        fields.reserveCapacity(16)
        arena.reserveCapacity(1024)
    }

    /// Clears the event for the next line, keeping capacity.
    public mutating func reset() {
        timestamp = nil
        fields.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        srcIP = -1; dstIP = -1; srcPort = -1; dstPort = -1
        proto = (0, 0); hostRange = (0, 0); uriRange = (0, 0)
    }

    /// The bytes of `field`, valid until the event changes.
    @inline(__always)
    public func withBytes<R>(of field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(field.start)..<Int(field.start + field.count)]))
        }
    }

    /// The value of `field` as a String (for output and confirmation, not the hot path).
    public func string(of field: Field) -> String {
        String(decoding: arena[Int(field.start)..<Int(field.start + field.count)], as: UTF8.self)
    }

    /// The protocol name, if any.
    public var protocolName: String? {
        proto.count == 0 ? nil : String(decoding: arena[Int(proto.start)..<Int(proto.start + proto.count)], as: UTF8.self)
    }
}
