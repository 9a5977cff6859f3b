/// Reads delimiter-separated values through a `FieldMapping`; fields may be quoted with `"`
/// (a doubled `""` inside is a quote). Quoted fields spanning lines are not supported.
public struct CSVLineParser: LogLineParser {
    private let mapping: FieldMapping
    private var roles: [FieldRole?] = []
    private var sawHeader = false
    private var scratch: [UInt8] = []

    /// A parser for `mapping`; without a header, mapping names are 1-based column numbers.
    public init(mapping: FieldMapping) {
        self.mapping = mapping
        if !mapping.header {
            var roles: [FieldRole?] = []
            for (name, role) in mapping.columns {
                guard let n = Int(name), n >= 1 else { continue }
                if roles.count < n { roles += Array(repeating: nil, count: n - roles.count) }
                roles[n - 1] = role
            }
            self.roles = roles
            sawHeader = true
        }
    }

    /// Parses the header (first line) or a record.
    public mutating func parse(_ line: UnsafeBufferPointer<UInt8>, into event: inout LogEvent) -> LineOutcome {
        if line.isEmpty { return .skip }
        if !sawHeader {
            sawHeader = true
            var names: [String] = []
            _ = Self.forEachField(line, mapping.delimiter, &scratch) { _, bytes in names.append(String(decoding: bytes, as: UTF8.self)); return nil }
            roles = names.map { mapping.columns[$0.trimmingSpaces] }
            if roles.allSatisfy({ $0 == nil }) { return .malformed("header names none of the mapped columns") }
            return .skip
        }
        let lastNeeded = roles.lastIndex(where: { $0 != nil }) ?? -1
        var seen = 0
        let roles = self.roles
        let reason = Self.forEachField(line, mapping.delimiter, &scratch) { column, bytes in
            seen = column + 1
            guard column < roles.count, let role = roles[column], !bytes.isEmpty else { return nil }
            return event.add(role, bytes).map { "column \(column + 1): \($0)" }
        }
        if let reason { return .malformed(reason) }
        if seen <= lastNeeded { return .malformed("expected at least \(lastNeeded + 1) columns, found \(seen)") }
        event.finish()
        return .event
    }

    private static func forEachField(
        _ line: UnsafeBufferPointer<UInt8>, _ d: UInt8, _ scratch: inout [UInt8],
        _ body: (Int, UnsafeBufferPointer<UInt8>) -> String?
    ) -> String? {
        var i = 0
        var column = 0
        while i <= line.count {
            if i < line.count && line[i] == UInt8(ascii: "\"") {
                scratch.removeAll(keepingCapacity: true)
                i += 1
                var closed = false
                while i < line.count {
                    if line[i] == UInt8(ascii: "\"") {
                        if i + 1 < line.count && line[i + 1] == UInt8(ascii: "\"") { scratch.append(0x22); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    scratch.append(line[i]); i += 1
                }
                guard closed else { return "column \(column + 1): unterminated quoted field" }
                guard i == line.count || line[i] == d else { return "column \(column + 1): text after closing quote" }
                if let r = scratch.withUnsafeBufferPointer({ body(column, $0) }) { return r }
            } else {
                var end = i
                while end < line.count && line[end] != d { end += 1 }
                if let r = body(column, UnsafeBufferPointer(rebasing: line[i..<end])) { return r }
                i = end
            }
            column += 1
            i += 1
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
