import Foundation
import Testing

/// Runs the Python reference scripts in `Tests/Oracles/` (see the KAKEHASHI_PYTHON convention).
enum PythonOracle {
    /// The venv interpreter named by `KAKEHASHI_PYTHON`, if set.
    static var python: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Oracle tests run when the interpreter is configured, and must run (and fail) under CI.
    static var shouldRun: Bool {
        python != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// `Tests/Oracles/<name>`, found relative to this source file.
    static func script(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles").appendingPathComponent(name)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `script` with `arguments` and returns its standard output.
    static func run(_ script: String, arguments: [String] = []) throws -> Data {
        guard let python else {
            throw Failure(description: "CI=true but KAKEHASHI_PYTHON is not set; point it at the venv python with stix2-patterns and stix2-matcher")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.script(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) exited with \(process.terminationStatus): \(errorText)")
        }
        return data
    }
}
