import Foundation

extension JSONValue {
    /// The deepest nesting of arrays and objects that ``parse(_:)-(some Collection<UInt8>)`` accepts.
    public static let maximumDepth = 256

    /// What the parser does when an object names the same key twice.
    public enum DuplicateKeys: Sendable, Hashable {
        /// Refuse the document (the default): two readers could otherwise see two different objects,
        /// and stix2-validator refuses them too.
        case reject
        /// Keep the last value, as Python's `json` module (and so stix2-matcher) does.
        case lastWins
    }

    /// Parses one JSON document from UTF-8 bytes.
    ///
    /// - Parameter duplicateKeys: whether a repeated object key is an error (the default) or keeps its last value.
    /// - Throws: ``JSONParseError`` naming the byte offset and what was wrong.
    public static func parse(_ bytes: some Collection<UInt8>, duplicateKeys: DuplicateKeys = .reject) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer, duplicateKeys)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { parseBuffer($0, duplicateKeys) }.get()
    }

    /// Parses one JSON document from `Data`.
    public static func parse(_ data: Data, duplicateKeys: DuplicateKeys = .reject) throws(JSONParseError) -> JSONValue {
        try data.withUnsafeBytes { raw in
            parseBuffer(raw.assumingMemoryBound(to: UInt8.self), duplicateKeys)
        }.get()
    }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String, duplicateKeys: DuplicateKeys = .reject) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parseBuffer($0, duplicateKeys) }.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>, _ duplicateKeys: DuplicateKeys) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: buffer, duplicateKeys: duplicateKeys)
        do throws(JSONParseError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
