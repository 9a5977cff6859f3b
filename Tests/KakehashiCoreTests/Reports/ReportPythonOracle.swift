import Foundation
import Testing

/// Runs `Tests/Oracles/reports_oracle.py` through ``STIXOracle/run(_:_:)`` (the KAKEHASHI_PYTHON convention).
enum ReportPythonOracle {
    static var shouldRun: Bool { STIXOracle.shouldRun }

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
    static func check(bundle: Data) throws -> Verdict {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-report-\(UUID().uuidString).json")
        try bundle.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        return try JSONDecoder().decode(Verdict.self, from: try STIXOracle.run("reports_oracle.py", [input.path]))
    }
}
