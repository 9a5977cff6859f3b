/// A position in one line of JSON bytes, with the few primitives the line parsers need.
struct JSONCursor {
    /// Where and why the JSON is invalid.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    /// A string's bytes: a range of the line when it had no escapes, else a range of the scratch buffer.
    enum StringRef {
        case raw(Range<Int>)
        case decoded(Range<Int>)

        func withBytes<R>(in cursor: JSONCursor, scratch: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            switch self {
            case .raw(let r): return try body(UnsafeBufferPointer(rebasing: cursor.bytes[r]))
            case .decoded(let r): return try scratch.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
            }
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }
    mutating func advance() { position += 1 }

    mutating func skipSpace() {
        while position < bytes.count {
            let b = bytes[position]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek == byte else {
            throw Failure(offset: position, reason: atEnd ? "unexpected end of line, expected '\(Character(UnicodeScalar(byte)))'"
                                                        : "expected '\(Character(UnicodeScalar(byte)))'")
        }
        position += 1
    }

    /// Reads a string starting at the opening quote.
    mutating func string(into scratch: inout [UInt8]) throws(Failure) -> StringRef {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") { position += 1; return .raw(start..<(position - 1)) }
            if b == UInt8(ascii: "\\") { return try decode(from: start, into: &scratch) }
            position += 1
        }
        throw Failure(offset: start, reason: "unterminated string")
    }

    private mutating func decode(from start: Int, into scratch: inout [UInt8]) throws(Failure) -> StringRef {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<position])
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\"") { return .decoded(0..<scratch.count) }
            guard b == UInt8(ascii: "\\") else { scratch.append(b); continue }
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), peek == UInt8(ascii: "\\"), position + 1 < bytes.count,
                   bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00 & 0x3FF)
                }
                let scalar = UnicodeScalar(code) ?? "\u{FFFD}"
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
            default: throw Failure(offset: position - 2, reason: "invalid escape")
            }
        }
        throw Failure(offset: start, reason: "unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Failure(offset: position, reason: "short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let h = AddressSyntax.hexValue(bytes[position]) else { throw Failure(offset: position, reason: "bad \\u escape") }
            v = v << 4 | UInt32(h)
            position += 1
        }
        return v
    }

    /// Reads a number, `true`, `false` or `null`; returns its byte range.
    mutating func scalar() throws(Failure) -> Range<Int> {
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { break }
            position += 1
        }
        guard position > start else { throw Failure(offset: start, reason: atEnd ? "unexpected end of line" : "expected a value") }
        let first = bytes[start]
        let ok = first == UInt8(ascii: "-") || first &- 48 < 10 || isNull(start..<position) || isBool(start..<position)
        guard ok else { throw Failure(offset: start, reason: "expected a value") }
        return start..<position
    }

    /// Skips any JSON value (used for members nobody asked for).
    mutating func skipValue(scratch: inout [UInt8], depth: Int = 0) throws(Failure) {
        guard depth < 512 else { throw Failure(offset: position, reason: "nesting too deep") }
        skipSpace()
        switch peek {
        case UInt8(ascii: "\""): _ = try string(into: &scratch)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = peek == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            advance(); skipSpace()
            if peek == close { advance(); return }
            while true {
                if isObject {
                    skipSpace(); _ = try string(into: &scratch); skipSpace(); try expect(UInt8(ascii: ":"))
                }
                try skipValue(scratch: &scratch, depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { advance(); continue }
                try expect(close)
                return
            }
        default: _ = try scalar()
        }
    }

    func isNull(_ r: Range<Int>) -> Bool { bytes[r].elementsEqual("null".utf8) }
    func isBool(_ r: Range<Int>) -> Bool { bytes[r].elementsEqual("true".utf8) || bytes[r].elementsEqual("false".utf8) }

    func withBytes<R>(_ r: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(rebasing: bytes[r]))
    }
}
