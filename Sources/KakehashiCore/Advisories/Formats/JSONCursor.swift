/// A position in a parsed JSON document that remembers its path, so that every decoding error can say
/// where it happened.
struct JSONCursor {
    let value: JSONValue
    let path: String
    let document: String

    init(root: JSONValue, document: String) {
        self.value = root
        self.path = "$"
        self.document = document
    }

    private init(value: JSONValue, path: String, document: String) {
        self.value = value
        self.path = path
        self.document = document
    }

    func fail(_ rule: String) -> AdvisoryFormatError {
        AdvisoryFormatError(document: document, path: path, rule: rule)
    }

    func child(_ key: String) -> String { path + "." + key }

    /// The member `key`, or nil when absent or null. Throws when this is not an object.
    func optional(_ key: String) throws(AdvisoryFormatError) -> JSONCursor? {
        guard case .object(let members) = value else { throw fail("must be an object, found \(value.kindName)") }
        guard let member = members[key], !member.isNull else { return nil }
        return JSONCursor(value: member, path: child(key), document: document)
    }

    /// The member `key`; throws when it is absent.
    func required(_ key: String) throws(AdvisoryFormatError) -> JSONCursor {
        guard let member = try optional(key) else {
            throw AdvisoryFormatError(document: document, path: child(key), rule: "required property is missing")
        }
        return member
    }

    /// The elements of an array.
    func elements() throws(AdvisoryFormatError) -> [JSONCursor] {
        guard case .array(let items) = value else { throw fail("must be an array, found \(value.kindName)") }
        return items.enumerated().map { JSONCursor(value: $1, path: "\(path)[\($0)]", document: document) }
    }

    /// The elements of the array member `key`, or none when absent.
    func array(_ key: String) throws(AdvisoryFormatError) -> [JSONCursor] {
        try optional(key)?.elements() ?? []
    }

    /// This value as a string.
    func string() throws(AdvisoryFormatError) -> String {
        guard case .string(let text) = value else { throw fail("must be a string, found \(value.kindName)") }
        return text
    }

    /// This value as a non-empty string.
    func nonEmptyString() throws(AdvisoryFormatError) -> String {
        let text = try string()
        guard !text.isEmpty else { throw fail("must not be empty") }
        return text
    }

    /// The string member `key`, or nil when absent.
    func string(_ key: String) throws(AdvisoryFormatError) -> String? {
        try optional(key)?.string()
    }

    /// The required non-empty string member `key`.
    func requiredString(_ key: String) throws(AdvisoryFormatError) -> String {
        try required(key).nonEmptyString()
    }

    /// The string array member `key` (empty when absent).
    func strings(_ key: String) throws(AdvisoryFormatError) -> [String] {
        var result: [String] = []
        for element in try array(key) { result.append(try element.string()) }
        return result
    }
}
