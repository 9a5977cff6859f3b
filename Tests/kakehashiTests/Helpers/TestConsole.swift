import Foundation
@testable import kakehashi

/// A console that reads given lines and records what a command writes.
final class TestConsole: CommandConsole, @unchecked Sendable {
    private let lock = NSLock()
    private var input: [String]
    private var output = ""
    private var errors = ""

    init(input: [String] = []) {
        self.input = input
    }

    func readLine() -> String? {
        lock.withLock { input.isEmpty ? nil : input.removeFirst() }
    }

    func write(_ text: String) {
        lock.withLock { output += text }
    }

    func note(_ text: String) {
        lock.withLock { errors += text }
    }

    /// Everything written to standard output.
    var standardOutput: String { lock.withLock { output } }
    /// Standard output split into lines (without the final empty one).
    var lines: [String] { standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    /// Everything written to standard error.
    var standardError: String { lock.withLock { errors } }
}
