/// A strict RFC 8259 parser over a contiguous UTF-8 buffer.
///
/// Rejects what Python's `json` would accept only by accident or leniency: `NaN`/`Infinity`,
/// lone surrogate escapes, invalid UTF-8, and (unless told otherwise) duplicate object keys,
/// which let two readers see two different objects. Nesting deeper than ``JSONValue/maximumDepth``
/// is refused rather than risking the stack.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let duplicateKeys: JSONValue.DuplicateKeys
    var position = 0
    private var depth = 0
    private var scratch: [UInt8] = []
    /// Members of the objects being parsed, innermost last; each object takes its own top slice,
    /// so its dictionary is built once at its final size.
    private var memberStack: [(key: String, value: JSONValue, offset: Int)] = []
    /// Elements of the arrays being parsed, likewise.
    private var elementStack: [JSONValue] = []

    init(bytes: UnsafeBufferPointer<UInt8>, duplicateKeys: JSONValue.DuplicateKeys) {
        self.bytes = bytes
        self.duplicateKeys = duplicateKeys
        memberStack.reserveCapacity(32)
        elementStack.reserveCapacity(16)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected data after the JSON value") }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw failure("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let byte: throw failure("unexpected \(JSONParser.describe(byte)), expected a value")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object([:])
        }
        let base = memberStack.count
        defer { while memberStack.count > base { memberStack.removeLast() } }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a string key in object") }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after object key") }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            memberStack.append((key, value, keyOffset))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                var members = [String: JSONValue](minimumCapacity: memberStack.count - base)
                for index in base..<memberStack.count {
                    let member = memberStack[index]
                    if members.updateValue(member.value, forKey: member.key) != nil, duplicateKeys == .reject {
                        throw JSONParseError(offset: member.offset, reason: "duplicate object key \"\(member.key)\"")
                    }
                }
                return .object(members)
            default:
                throw failure("expected ',' or '}' in object")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array([])
        }
        let base = elementStack.count
        defer { while elementStack.count > base { elementStack.removeLast() } }
        while true {
            elementStack.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(Array(elementStack[base...]))
            default:
                throw failure("expected ',' or ']' in array")
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= JSONValue.maximumDepth else {
            throw failure("nesting deeper than \(JSONValue.maximumDepth) levels")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = position
        guard bytes.count - position >= count else { throw failure("invalid literal, expected '\(literal)'") }
        for offset in 0..<count where bytes[start + offset] != literal.utf8Start[offset] {
            position = start + offset
            throw failure("invalid literal, expected '\(literal)'")
        }
        position += count
    }

    // MARK: - Helpers shared with the string and number readers

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func failure(_ reason: String) -> JSONParseError {
        JSONParseError(offset: position, reason: reason)
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}

// MARK: - Strings

extension JSONParser {
    /// Reads a string starting at its opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        var isASCII = true
        while position < bytes.count {
            skipPlainStringBytes(&isASCII)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if isASCII { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw JSONParseError(offset: start, reason: "string is not valid UTF-8")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw failure("unescaped control character \(JSONParser.describe(byte)) in string") }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        throw failure("unterminated string")
    }

    /// Skips eight bytes at a time while none is a quote, a backslash or a control character
    /// (SWAR: the tests may flag a byte falsely, never miss one; a flagged word is left to the byte loop).
    private mutating func skipPlainStringBytes(_ isASCII: inout Bool) {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position &+ 8 <= bytes.count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
            if special & highs != 0 { return }
            if word & highs != 0 { isASCII = false }
            position &+= 8
        }
    }

    /// Slow path once a backslash is seen: copies into the scratch buffer.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw JSONParseError(offset: start, reason: "string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try appendEscape()
            case 0..<0x20:
                throw failure("unescaped control character \(JSONParser.describe(byte)) in string")
            default:
                scratch.append(byte)
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func appendEscape() throws(JSONParseError) {
        position += 1
        guard let code = peek() else { throw failure("unterminated string") }
        position += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): try appendUnicodeEscape()
        default:
            position -= 2
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(code)))' in string")
        }
    }

    private mutating func appendUnicodeEscape() throws(JSONParseError) {
        let escapeStart = position - 2
        var value = try readHex4()
        if (0xD800...0xDBFF).contains(value) {
            guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u")
            else { throw JSONParseError(offset: escapeStart, reason: "unpaired surrogate in \\u escape") }
            position += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(offset: escapeStart, reason: "unpaired surrogate in \\u escape")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(value) {
            throw JSONParseError(offset: escapeStart, reason: "unpaired surrogate in \\u escape")
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw JSONParseError(offset: escapeStart, reason: "invalid \\u escape")
        }
        guard let encoded = UTF8.encode(scalar) else {
            throw JSONParseError(offset: escapeStart, reason: "invalid \\u escape")
        }
        scratch.append(contentsOf: encoded)
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw failure("\\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("\\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
