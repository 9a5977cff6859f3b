#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error, shown only when it is a terminal.
public final class HuntProgressDisplay: @unchecked Sendable {
    /// Whether standard error is a terminal.
    public let isEnabled: Bool
    private var shown = false

    /// Checks whether standard error is a terminal.
    public init() { isEnabled = isatty(2) == 1 }

    /// Redraws the line: bytes read, events/s, matches, time left.
    public func show(_ p: HuntProgress) {
        guard isEnabled else { return }
        let percent = p.totalBytes > 0 ? " (\(Int(Double(p.bytesRead) * 100 / Double(p.totalBytes)))%)" : ""
        let left = p.secondsLeft.map { " \(Int($0.rounded()))s left" } ?? ""
        let line = "\r\u{1B}[K\(p.bytesRead >> 20) MiB\(percent)  \(Int(p.eventsPerSecond)) events/s  \(p.matches) matches\(left)"
        writeErr(line)
        shown = true
    }

    private func writeErr(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Ends the progress line.
    public func finish() {
        if shown { writeErr("\r\u{1B}[K") }
    }
}
