import Foundation
import Testing
@testable import KakehashiHunt

/// The sightings bundle checked object by object with the OASIS stix2-validator
/// (`Tests/Oracles/stix_oracle.py`, run with `KAKEHASHI_PYTHON`).
@Suite("Hunt sightings against stix2-validator")
struct HuntSightingsValidationTests {
    struct Verdict: Decodable {
        var id: String?
        var valid: Bool
        var errors: [String]
    }

    static var python: String? {
        ProcessInfo.processInfo.environment["KAKEHASHI_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var oracle: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Oracles/stix_oracle.py").path
    }

    @Test("every object of the sightings bundle is valid STIX 2.1")
    func validates() async throws {
        guard let python = Self.python else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("CI=true but KAKEHASHI_PYTHON is not set; point it at the venv python with stix2-validator")
            }
            return
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sightings-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try await HuntRunnerTests.hunt(out: out)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.oracle, out]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        let verdicts = try JSONDecoder().decode([Verdict].self, from: data)
        #expect(verdicts.count > 10)
        for v in verdicts where !v.valid { Issue.record("\(v.id ?? "?"): \(v.errors)") }
    }
}
