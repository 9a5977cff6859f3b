/// One log record reduced to its observables, stored in reusable raw memory so parsing a line
/// allocates nothing and costs no copy-on-write bookkeeping beyond one uniqueness check per value.
/// Field bytes (and the buffers `fields` and `arena` return) are valid until the event next changes.
/// Copies of an event are independent: a copy that is changed first gets its own storage.
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

    /// Owns the raw buffers; the event caches their addresses and counts, so the per-value path reads
    /// no class property (each would cost a dynamic exclusivity check).
    final class Storage {
        var bytes: UnsafeMutablePointer<UInt8>
        var fields: UnsafeMutablePointer<Field>

        init(byteCapacity: Int, fieldCapacity: Int) {
            bytes = .allocate(capacity: byteCapacity)
            fields = .allocate(capacity: fieldCapacity)
        }

        deinit {
            bytes.deallocate()
            fields.deallocate()
        }
    }

    private var storage: Storage
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    private var fieldBase: UnsafeMutablePointer<Field>
    private var fieldCount = 0
    private var fieldCapacity: Int

    /// Where the timestamp text is in the arena (count 0: none); parsed only when asked for, since
    /// the hunt needs it only for events that hit an indicator. `add` has already checked it.
    var timestampRange: (start: Int32, count: Int32) = (0, 0)
    var timestampValue: Double?

    /// Seconds since 1970 (UTC), or nil when the record has no usable time.
    public var timestamp: Double? {
        get {
            guard timestampRange.count > 0 else { return timestampValue }
            return TimestampParser.parse(UnsafeBufferPointer(start: bytes + Int(timestampRange.start), count: Int(timestampRange.count)))
        }
        set {
            timestampValue = newValue
            timestampRange = (0, 0)
        }
    }

    /// The extracted observables (valid until the event changes).
    public var fields: UnsafeBufferPointer<Field> { UnsafeBufferPointer(start: fieldBase, count: fieldCount) }
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
    /// Bytes of all field values (valid until the event changes).
    public var arena: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: byteCount) }
    // Pending HTTP host/uri pieces, joined into a URL by `finish()`.
    var hostRange: (start: Int32, count: Int32) = (0, 0)
    var uriRange: (start: Int32, count: Int32) = (0, 0)

    /// An empty event.
    public init() {
        byteCapacity = 1024
        fieldCapacity = 16
        storage = Storage(byteCapacity: byteCapacity, fieldCapacity: fieldCapacity)
        bytes = storage.bytes
        fieldBase = storage.fields
    }

    /// Clears the event for the next line, keeping capacity.
    public mutating func reset() {
        timestampRange = (0, 0); timestampValue = nil
        fieldCount = 0; byteCount = 0
        srcIP = -1; dstIP = -1; srcPort = -1; dstPort = -1
        proto = (0, 0); hostRange = (0, 0); uriRange = (0, 0)
    }

    /// The bytes of `field`, valid until the event changes.
    @inline(__always)
    public func withBytes<R>(of field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: bytes + Int(field.start), count: Int(field.count)))
    }

    /// The value of `field` as a String (for output and confirmation, not the hot path).
    public func string(of field: Field) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + Int(field.start), count: Int(field.count)), as: UTF8.self)
    }

    /// The protocol name, if any.
    public var protocolName: String? {
        proto.count == 0 ? nil : String(decoding: UnsafeBufferPointer(start: bytes + Int(proto.start), count: Int(proto.count)), as: UTF8.self)
    }

    // MARK: Raw appends

    /// Makes the storage this event's own (after a copy) with room for `extraBytes` more bytes and one
    /// more field.
    @inline(__always)
    private mutating func reserve(bytes extraBytes: Int) {
        if _slowPath(!isKnownUniquelyReferenced(&storage)) || _slowPath(byteCount + extraBytes > byteCapacity)
            || _slowPath(fieldCount == fieldCapacity) {
            reallocate(bytes: extraBytes)
        }
    }

    @inline(never)
    private mutating func reallocate(bytes extraBytes: Int) {
        var newBytes = byteCapacity
        while byteCount + extraBytes > newBytes { newBytes *= 2 }
        let newFields = fieldCount == fieldCapacity ? fieldCapacity * 2 : fieldCapacity
        let fresh = Storage(byteCapacity: newBytes, fieldCapacity: newFields)
        fresh.bytes.update(from: bytes, count: byteCount)
        fresh.fields.initialize(from: fieldBase, count: fieldCount)
        storage = fresh
        bytes = fresh.bytes; byteCapacity = newBytes
        fieldBase = fresh.fields; fieldCapacity = newFields
    }

    /// Appends `value` to the arena; returns its offset.
    @inline(__always)
    mutating func appendBytes(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        reserve(bytes: value.count)
        let start = byteCount
        if let base = value.baseAddress { (bytes + start).update(from: base, count: value.count) }
        byteCount += value.count
        return Int32(start)
    }

    /// Appends `value` lower-cased (ASCII) to the arena; returns its offset.
    mutating func appendLowercased(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        reserve(bytes: value.count)
        let start = byteCount
        if let from = value.baseAddress {
            let to = bytes + start
            for i in 0..<value.count {
                let byte = from[i]
                to[i] = byte &- 65 < 26 ? byte | 0x20 : byte
            }
        }
        byteCount += value.count
        return Int32(start)
    }

    /// Appends the concatenation of `prefix` and arena ranges as one value; returns its offset and length.
    mutating func appendJoined(_ prefix: StaticString, _ ranges: [(start: Int32, count: Int32)]) -> (start: Int32, count: Int32) {
        let total = prefix.utf8CodeUnitCount + ranges.reduce(0) { $0 + Int($1.count) }
        reserve(bytes: total)
        let start = byteCount
        (bytes + byteCount).update(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        byteCount += prefix.utf8CodeUnitCount
        for r in ranges {
            (bytes + byteCount).update(from: bytes + Int(r.start), count: Int(r.count))
            byteCount += Int(r.count)
        }
        return (Int32(start), Int32(total))
    }

    /// Appends `value` to the arena and a field of `kind` over it, with one storage check.
    @inline(__always)
    mutating func appendValue(_ kind: ObservableKind, _ value: UnsafeBufferPointer<UInt8>, v4: UInt32) {
        reserve(bytes: value.count)
        let start = byteCount
        if let base = value.baseAddress { (bytes + start).update(from: base, count: value.count) }
        byteCount += value.count
        (fieldBase + fieldCount).initialize(to: Field(kind: kind, start: Int32(start), count: Int32(value.count), v4: v4))
        fieldCount += 1
    }

    /// Appends a field whose bytes are already in the arena.
    @inline(__always)
    mutating func appendField(_ field: Field) {
        reserve(bytes: 0)
        (fieldBase + fieldCount).initialize(to: field)
        fieldCount += 1
    }

    /// Sets the IPv4 value of the last field.
    @inline(__always)
    mutating func setLastV4(_ v4: UInt32) { fieldBase[fieldCount - 1].v4 = v4 }

    /// The arena byte at `offset`.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 { bytes[offset] }
}
