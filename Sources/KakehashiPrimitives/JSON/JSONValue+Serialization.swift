import Foundation

extension JSONValue {
    /// Compact JSON text with object keys sorted by Unicode code point, so equal values give equal bytes.
    ///
    /// Non-ASCII characters are written as UTF-8, not escaped; `"`, `\` and control characters are escaped.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The compact, key-sorted serialization as UTF-8 bytes.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        JSONValue.write(self, into: &output)
        return output
    }

    /// The compact, key-sorted serialization as `Data`.
    public func serializedData() -> Data { Data(serializedBytes()) }

    /// Indented JSON text (two spaces a level, `"key": value`) with keys sorted as in ``serialized()``;
    /// empty arrays and objects stay `[]` and `{}`. For files people read, such as a hunt's bundle.
    public func prettySerialized() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        JSONValue.write(self, into: &output, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes `value`; `indent` is the pretty-printing level, or nil for compact output.
    private static func write(_ value: JSONValue, into output: inout [UInt8], indent: Int? = nil) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.description.utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            let inner = indent.map { $0 + 1 }
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, inner)
                write(element, into: &output, indent: inner)
            }
            if !elements.isEmpty { newline(into: &output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let inner = indent.map { $0 + 1 }
            // Sorting the members themselves, not their keys, spares a hash lookup per member.
            let sorted = members.sorted { utf8Precedes($0.key, $1.key) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, inner)
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                write(member.value, into: &output, indent: inner)
            }
            if !members.isEmpty { newline(into: &output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and `level` indentation steps when pretty-printing; nothing when compact.
    private static func newline(into output: inout [UInt8], _ level: Int?) {
        guard let level else { return }
        output.append(0x0A)
        for _ in 0..<(level * 2) { output.append(UInt8(ascii: " ")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether `a` sorts before `b` by UTF-8 bytes (so by code point): `memcmp` on contiguous text.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast: Bool?? = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Writes `text` as a JSON string, copying the runs that need no escaping in one go.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, into: &output) }) == nil {
            writeEscaped(Array(text.utf8), into: &output)
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeEscaped(_ bytes: [UInt8], into output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { writeEscaped($0, into: &output) }
    }

    /// Escapes `"`, `\\` and control characters; every other byte is copied as it is.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
            index += 1
            runStart = index
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }
}
