import Foundation
import Testing

/// Runs `Tests/Oracles/reports_oracle.py` (the KAKEHASHI_PYTHON convention): skipped unless the
/// interpreter is configured, except under CI=true, where a missing interpreter fails.
enum ReportPythonOracle {
    static var python: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var shouldRun: Bool {
        python != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The oracle's verdict on a bundle.
    struct Verdict: Decodable {
        struct PatternVerdict: Decodable {
            var pattern: String
            var valid: Bool
            var errors: [String]
        }
        var valid: Bool
        var errors: [String]
        var warnings: [String]
        var patterns: [PatternVerdict]
    }

    /// Validates `bundle` (serialized JSON) with stix2-validator and stix2-patterns.
    static func check(bundle: Data, filePath: String = #filePath) throws -> Verdict {
        guard let python else {
            throw Failure(description: "CI=true but KAKEHASHI_PYTHON is not set; point it at the venv python with stix2-validator and stix2-patterns")
        }
        let script = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles/reports_oracle.py")
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-report-\(UUID().uuidString).json")
        try bundle.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, input.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "reports_oracle.py exited with \(process.terminationStatus): \(errorText)")
        }
        return try JSONDecoder().decode(Verdict.self, from: data)
    }
}
