import Foundation

/// Where a command reads its input and writes its results: the terminal when it runs, a test's
/// buffers when a test calls its work.
///
/// Results go to standard output and notes to standard error, so that standard output carries only
/// what a script would read (a new id, a token, CSV).
protocol CommandConsole: Sendable {
    /// One line of standard input without its newline, or `nil` at the end of input.
    func readLine() -> String?
    /// Writes `text` to standard output as it is.
    func write(_ text: String)
    /// Writes `text` to standard error as it is.
    func note(_ text: String)
}

extension CommandConsole {
    /// Writes one line to standard output.
    func print(_ line: String) {
        write(line + "\n")
    }
}

/// The process's own standard input, output and error.
struct StandardConsole: CommandConsole {
    func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func note(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
