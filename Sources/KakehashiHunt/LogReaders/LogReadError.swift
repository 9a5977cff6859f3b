/// Why a log file could not be read at all (per-line problems are `MalformedLine`s instead).
public enum LogReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The gzip stream is corrupt or truncated.
    case corruptGzip(path: String, reason: String)
    /// The format could not be detected or needs a mapping that was not given.
    case unsupportedFormat(path: String, reason: String)

    /// A sentence naming the file and the problem.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read log file '\(path)': \(reason)"
        case .corruptGzip(let path, let reason): "corrupt gzip data in '\(path)': \(reason)"
        case .unsupportedFormat(let path, let reason): "cannot parse log file '\(path)': \(reason)"
        }
    }
}

/// A log line that could not be parsed; counted and reported, never fatal.
public struct MalformedLine: Sendable, Equatable, CustomStringConvertible {
    /// The file the line came from.
    public var path: String
    /// 1-based line number in the (decompressed) file.
    public var line: Int
    /// What was wrong with it.
    public var reason: String

    /// Creates a report of one malformed line.
    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path:line: reason`.
    public var description: String { "\(path):\(line): \(reason)" }
}
