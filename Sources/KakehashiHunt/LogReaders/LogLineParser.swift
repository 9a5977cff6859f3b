/// What became of one line.
public enum LineOutcome: Equatable, Sendable {
    /// The line was a record; the event holds its observables.
    case event
    /// A header, comment or blank line.
    case skip
    /// The line could not be parsed, for the given reason.
    case malformed(String)
}

/// Turns one line of a given log format into a `LogEvent`.
public protocol LogLineParser {
    /// Parses `line` into `event` (already reset by the caller).
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, into event: inout LogEvent) -> LineOutcome
}

/// The log formats the hunt reads.
public enum LogFormat: String, Sendable, CaseIterable, Codable {
    /// Zeek logs, tab-separated with `#` headers or JSON (one object per line).
    case zeek
    /// Suricata EVE JSON.
    case eve
    /// Arbitrary JSON lines, read through a `FieldMapping`.
    case jsonl
    /// Comma- (or otherwise) separated values, read through a `FieldMapping`.
    case csv
}
