/// A storage failure with what went wrong and, where known, the cause underneath.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The broad kind of failure, for callers that react differently to each.
    public enum Code: String, Sendable {
        case badURL = "bad-database-url"
        case unreachable = "database-unreachable"
        case schemaTooNew = "schema-too-new"
        case migrationFailed = "migration-failed"
        case notFound = "not-found"
        case conflict = "conflict"
        case invalid = "invalid"
        case query = "query-failed"
    }

    public var code: Code
    public var message: String
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        if let underlying { return "\(message) (\(String(reflecting: underlying)))" }
        return message
    }
}
