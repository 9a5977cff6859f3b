#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads Zeek's tab-separated logs, honouring the `#separator`, `#set_separator`, `#fields`,
/// `#types`, `#unset_field` and `#empty_field` headers (which may change mid-file, as after log rotation
/// concatenation). Only the columns that map to observables are looked at.
public struct ZeekTSVParser: LogLineParser {
    private var separator: UInt8 = 0x09
    private var setSeparator: UInt8 = UInt8(ascii: ",")
    private var unset: [UInt8] = Array("-".utf8)
    private var empty: [UInt8] = Array("(empty)".utf8)
    private var roles: [FieldRole?] = []
    private var isList: [Bool] = []
    private var lastNeeded = -1
    private var fieldCount = 0
    private let roleTable: [String: FieldRole]

    /// A parser using the standard Zeek field names (`ZeekFieldRoles.table`) or another table.
    public init(roleTable: [String: FieldRole] = ZeekFieldRoles.table) {
        self.roleTable = roleTable
    }

    /// One column that yields observables, in column order.
    struct Step {
        var column: Int
        var role: FieldRole
        var isList: Bool
    }
    /// The columns with a role, rebuilt when `#fields` or `#types` change, so a data line visits
    /// only those and skips the others without looking up their (absent) role.
    private var plan: [Step] = []

    /// Parses a header or data line.
    public mutating func parse(_ line: UnsafeBufferPointer<UInt8>, into event: inout LogEvent) -> LineOutcome {
        guard let first = line.first else { return .skip }
        if first == UInt8(ascii: "#") { return header(line) }
        guard lastNeeded >= 0 || fieldCount > 0 else { return .malformed("data line before a #fields header") }
        guard let base = line.baseAddress else { return .skip }
        let count = line.count
        let separator = self.separator
        let separatorWord = UInt64(separator) &* 0x0101_0101_0101_0101
        let lastNeeded = self.lastNeeded
        if lastNeeded < 0 {
            // No column maps to an observable: the line is an event without observables.
            event.finish()
            return .event
        }
        let outcome: LineOutcome? = plan.withUnsafeBufferPointer { plan in
            var column = 0
            var start = 0
            for step in plan {
                while column < step.column {
                    let end = Self.nextSeparator(base, from: start, count: count, separator, separatorWord)
                    if end == count { return .malformed("expected \(fieldCount) fields, found \(column + 1)") }
                    column += 1
                    start = end + 1
                }
                let end = Self.nextSeparator(base, from: start, count: count, separator, separatorWord)
                if end == count && column < lastNeeded {
                    return .malformed("expected \(fieldCount) fields, found \(column + 1)")
                }
                let value = UnsafeBufferPointer(start: base + start, count: end - start)
                if let reason = add(step.role, value, list: step.isList, to: &event) {
                    return .malformed("field \(column + 1): \(reason)")
                }
                column += 1
                start = end + 1
            }
            return nil
        }
        if let outcome { return outcome }
        event.finish()
        return .event
    }

    private mutating func makePlan() {
        plan = roles.indices.compactMap { i in
            roles[i].map { Step(column: i, role: $0, isList: i < isList.count && isList[i]) }
        }
    }

    private func add(_ role: FieldRole, _ value: UnsafeBufferPointer<UInt8>, list: Bool, to event: inout LogEvent) -> String? {
        if value.count == unset.count || value.count == empty.count, Self.equals(value, unset) || Self.equals(value, empty) { return nil }
        guard list else { return event.add(role, value) }
        var start = 0
        for i in 0...value.count where i == value.count || value[i] == setSeparator {
            if i > start, let reason = event.add(role, UnsafeBufferPointer(rebasing: value[start..<i])) { return reason }
            start = i + 1
        }
        return nil
    }

    private mutating func header(_ line: UnsafeBufferPointer<UInt8>) -> LineOutcome {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("#separator") {
            // "#separator \x09": the separator itself is written as an escape.
            let arg = text.dropFirst("#separator".count).drop(while: { $0 == " " || $0 == "\t" })
            guard let byte = Self.unescapeSingle(String(arg)) else { return .malformed("unreadable #separator header") }
            separator = byte
            return .skip
        }
        let parts = text.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false).map(String.init)
        guard let key = parts.first else { return .skip }
        let args = Array(parts.dropFirst())
        switch key {
        case "#set_separator":
            if let s = args.first, let byte = Self.unescapeSingle(s) { setSeparator = byte }
        case "#unset_field":
            if let s = args.first { unset = Array(s.utf8) }
        case "#empty_field":
            if let s = args.first { empty = Array(s.utf8) }
        case "#fields":
            fieldCount = args.count
            roles = args.map { roleTable[$0] }
            lastNeeded = roles.lastIndex(where: { $0 != nil }) ?? -1
            if isList.count != args.count { isList = Array(repeating: false, count: args.count) }
            if lastNeeded < 0 { fieldCount = max(fieldCount, 1) }
            makePlan()
        case "#types":
            isList = args.map { $0.hasPrefix("set[") || $0.hasPrefix("vector[") }
            if isList.count < roles.count { isList += Array(repeating: false, count: roles.count - isList.count) }
            makePlan()
        default:
            break
        }
        return .skip
    }

    /// Offset of the first `separator` at or after `from`, or `count`. Columns are short, so eight
    /// bytes at a time in registers beats a `memchr` call per column.
    @inline(__always)
    static func nextSeparator(_ base: UnsafePointer<UInt8>, from: Int, count: Int, _ separator: UInt8, _ word: UInt64) -> Int {
        var i = from
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ word
            // High bit set in each byte of `w` that is zero (exact for the lowest such byte).
            let zero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
            if zero != 0 { return i + zero.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < count {
            if base[i] == separator { return i }
            i += 1
        }
        return count
    }

    @inline(__always)
    static func equals(_ value: UnsafeBufferPointer<UInt8>, _ marker: [UInt8]) -> Bool {
        guard value.count == marker.count, let base = value.baseAddress else { return false }
        return marker.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, value.count) == 0 }
    }

    /// "\x09" → 0x09, "," → ','.
    static func unescapeSingle(_ s: String) -> UInt8? {
        if s.hasPrefix("\\x"), s.count == 4, let v = UInt8(s.dropFirst(2), radix: 16) { return v }
        return s.utf8.count == 1 ? s.utf8.first : nil
    }
}
