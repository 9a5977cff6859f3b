import Foundation
import Testing

/// Runs `Tests/Oracles/stix_oracle.py` (stix2-validator) through `KAKEHASHI_PYTHON`.
enum STIXOracle {
    struct Verdict: Decodable {
        let file: String
        let index: Int
        let id: String?
        let valid: Bool
        let errors: [String]
    }

    static var python: String? { ProcessInfo.processInfo.environment["KAKEHASHI_PYTHON"] }
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Run oracle tests when Python is configured, and always on CI (where a missing Python is a failure).
    static var shouldRun: Bool { python != nil || isCI }

    static func verdicts(for files: [URL]) throws -> [Verdict] {
        guard let python else {
            Issue.record("KAKEHASHI_PYTHON is not set: CI must provide the venv python with stix2-validator")
            return []
        }
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles/stix_oracle.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "stix_oracle.py failed: \(errorText)")
        return try JSONDecoder().decode([Verdict].self, from: data)
    }
}
