import Foundation
import Testing
@testable import KakehashiCore

@Suite("STIX validation agrees with stix2-validator")
struct STIXOracleAgreementTests {
    @Test(.enabled(if: STIXOracle.shouldRun, "set KAKEHASHI_PYTHON to the venv python to compare with stix2-validator"))
    func acceptsAndRejectsTheSameObjects() throws {
        let files = try STIXFixtures.allFiles.map(STIXFixtures.url)
        let verdicts = try STIXOracle.verdicts(for: files)
        guard !verdicts.isEmpty else { return }
        let validator = STIXValidator()
        var disagreements: [String] = []
        var compared = 0
        for name in STIXFixtures.allFiles {
            let objects = try STIXFixtures.objects(name)
            for (index, object) in objects.enumerated() {
                guard let verdict = verdicts.first(where: { $0.file == name && $0.index == index }) else {
                    disagreements.append("\(name)[\(index)]: no verdict from the oracle")
                    continue
                }
                compared += 1
                let errors = validator.issues(in: object).filter { $0.severity == .error }
                if errors.isEmpty != verdict.valid {
                    disagreements.append("""
                        \(name)[\(index)] \(object["id"]?.stringValue ?? "?") (\(object["x_breaks"]?.stringValue ?? "meant valid")): \
                        stix2-validator says \(verdict.valid ? "valid" : "invalid: \(verdict.errors.joined(separator: " | "))"); \
                        Kakehashi says \(errors.isEmpty ? "valid" : "invalid: \(errors.map(\.description).joined(separator: " | "))")
                        """)
                }
            }
        }
        #expect(compared == verdicts.count)
        let report = "\(disagreements.count) disagreements:\n" + disagreements.joined(separator: "\n")
        #expect(disagreements.isEmpty, "\(report)")
    }
}
