import Foundation
import Testing

/// Runs `Tests/Oracles/stix_oracle.py` (stix2-validator) through `KAKEHASHI_PYTHON`.
enum STIXOracle {
    struct Verdict: Decodable {
        let file: String
        let index: Int
        let id: String?
        let valid: Bool
        let crashed: Bool
        let errors: [String]
    }

    static var python: String? { ProcessInfo.processInfo.environment["KAKEHASHI_PYTHON"] }
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Run oracle tests when Python is configured, and always on CI (where a missing Python is a failure).
    static var shouldRun: Bool { python != nil || isCI }

    static let oraclesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracles")

    static func verdicts(for files: [URL]) throws -> [Verdict] {
        let data = try run("stix_oracle.py", files.map(\.path))
        return data.isEmpty ? [] : try JSONDecoder().decode([Verdict].self, from: data)
    }

    /// Runs an oracle script with the configured python; records an issue and returns no data without one.
    static func run(_ script: String, _ arguments: [String]) throws -> Data {
        guard let python else {
            Issue.record("KAKEHASHI_PYTHON is not set: CI must provide the venv python with stix2-validator")
            return Data()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [oraclesFolder.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(script) failed: \(errorText)")
        return data
    }
}
