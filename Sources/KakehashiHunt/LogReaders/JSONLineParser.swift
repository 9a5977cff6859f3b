/// Reads one JSON object per line (Zeek JSON, Suricata EVE, mapped JSON lines) by walking the bytes
/// once; values whose dotted key path (`dns.rrname`, `id.orig_h`; array items keep their parent's
/// path) is in the role table become observables. Nothing is allocated for keys that are not wanted.
public struct JSONLineParser: LogLineParser {
    private let wanted: [UInt64: (path: [UInt8], role: FieldRole)]
    private var path: [UInt8] = []
    private var scratch: [UInt8] = []

    /// A parser for the given dotted key paths.
    public init(paths: [String: FieldRole]) {
        var table: [UInt64: (path: [UInt8], role: FieldRole)] = [:]
        for (p, role) in paths {
            let bytes = Array(p.utf8)
            table[bytes.withUnsafeBufferPointer { ByteHash.hash($0) }] = (bytes, role)
        }
        self.wanted = table
        path.reserveCapacity(256)
        scratch.reserveCapacity(1024)
    }

    /// Parses one line; blank lines are skipped, anything not a JSON object is malformed.
    public mutating func parse(_ line: UnsafeBufferPointer<UInt8>, into event: inout LogEvent) -> LineOutcome {
        var cursor = JSONCursor(line)
        cursor.skipSpace()
        if cursor.atEnd { return .skip }
        path.removeAll(keepingCapacity: true)
        do throws(JSONCursor.Failure) {
            try object(&cursor, &event)
            cursor.skipSpace()
            guard cursor.atEnd else { throw JSONCursor.Failure(offset: cursor.position, reason: "text after the object") }
        } catch {
            return .malformed("invalid JSON at byte \(error.offset + 1): \(error.reason)")
        }
        event.finish()
        return .event
    }

    private mutating func object(_ c: inout JSONCursor, _ event: inout LogEvent) throws(JSONCursor.Failure) {
        try c.expect(UInt8(ascii: "{"))
        c.skipSpace()
        if c.peek == UInt8(ascii: "}") { c.advance(); return }
        while true {
            c.skipSpace()
            let key = try c.string(into: &scratch)
            let mark = path.count
            if mark > 0 { path.append(UInt8(ascii: ".")) }
            let keyScratch = scratch
            key.withBytes(in: c, scratch: keyScratch) { path.append(contentsOf: $0) }
            c.skipSpace()
            try c.expect(UInt8(ascii: ":"))
            try value(&c, &event)
            path.removeSubrange(mark...)
            c.skipSpace()
            if c.peek == UInt8(ascii: ",") { c.advance(); continue }
            try c.expect(UInt8(ascii: "}"))
            return
        }
    }

    private mutating func value(_ c: inout JSONCursor, _ event: inout LogEvent) throws(JSONCursor.Failure) {
        c.skipSpace()
        switch c.peek {
        case UInt8(ascii: "{"):
            try object(&c, &event)
        case UInt8(ascii: "["):
            c.advance()
            c.skipSpace()
            if c.peek == UInt8(ascii: "]") { c.advance(); return }
            while true {
                try value(&c, &event)
                c.skipSpace()
                if c.peek == UInt8(ascii: ",") { c.advance(); continue }
                try c.expect(UInt8(ascii: "]"))
                return
            }
        case UInt8(ascii: "\""):
            let s = try c.string(into: &scratch)
            if let role = role() {
                let valueScratch = scratch
                let reason: String? = s.withBytes(in: c, scratch: valueScratch) { bytes in
                    bytes.isEmpty ? nil : event.add(role, bytes)
                }
                if let reason { throw JSONCursor.Failure(offset: c.position, reason: "\(String(decoding: path, as: UTF8.self)): \(reason)") }
            }
        default:
            let range = try c.scalar()
            if let role = role(), !c.isNull(range), !c.isBool(range) {
                let reason = c.withBytes(range) { event.add(role, $0) }
                if let reason { throw JSONCursor.Failure(offset: c.position, reason: "\(String(decoding: path, as: UTF8.self)): \(reason)") }
            }
        }
    }

    @inline(__always)
    private func role() -> FieldRole? {
        guard !wanted.isEmpty else { return nil }
        let h = path.withUnsafeBufferPointer { ByteHash.hash($0) }
        guard let hit = wanted[h], hit.path == path else { return nil }
        return hit.role
    }
}
