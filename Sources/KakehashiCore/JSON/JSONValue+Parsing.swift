import Foundation

extension JSONValue {
    /// The deepest nesting of arrays and objects that ``parse(_:)-(some Collection<UInt8>)`` accepts.
    public static let maximumDepth = 256

    /// Parses one JSON document from UTF-8 bytes.
    ///
    /// - Throws: ``JSONParseError`` naming the byte offset and what was wrong.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { parseBuffer($0) }.get()
    }

    /// Parses one JSON document from `Data`.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try data.withUnsafeBytes { raw in
            parseBuffer(raw.assumingMemoryBound(to: UInt8.self))
        }.get()
    }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parseBuffer($0) }.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: buffer)
        do throws(JSONParseError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
