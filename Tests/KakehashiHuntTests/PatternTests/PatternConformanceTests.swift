import Foundation
import Testing
@testable import KakehashiHunt

/// Checks the Swift validator against the OASIS reference validator on the whole corpus in
/// `Fixtures/patterns/`.
@Suite("Pattern conformance with stix2-patterns")
struct PatternConformanceTests {
    struct Verdict: Decodable {
        var file: String
        var line: Int
        var pattern: String
        var valid: Bool
        var errors: [String]
        var parses: Bool
        /// `line:column` of the reference parser's first grammar error.
        var errorAt: String?

        enum CodingKeys: String, CodingKey {
            case file, line, pattern, valid, errors, parses
            case errorAt = "error_at"
        }
    }

    struct Report: Decodable {
        var results: [Verdict]
    }

    static func corpusFiles() throws -> [URL] {
        guard let folder = Bundle.module.url(forResource: "patterns", withExtension: nil, subdirectory: "Fixtures") else {
            throw PythonOracle.Failure(description: "Fixtures/patterns missing from the test bundle")
        }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func everyParsedCorpusPatternRendersBackToTheSameTree() throws {
        var parsed = 0
        for file in try Self.corpusFiles() {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            for line in lines {
                guard let pattern = try? Pattern(parsing: String(line)) else { continue }
                parsed += 1
                let rendered = pattern.description
                #expect((try? Pattern(parsing: rendered)) == pattern, "\(line) rendered as \(rendered)")
            }
        }
        #expect(parsed > 150)
    }

    @Test(.enabled(if: PythonOracle.shouldRun))
    func swiftValidatorAgreesWithReferenceOnCorpus() throws {
        let files = try Self.corpusFiles()
        let data = try PythonOracle.run("patterns_oracle.py", arguments: files.map(\.path))
        let verdicts = try JSONDecoder().decode(Report.self, from: data).results

        var disagreements: [String] = []
        for verdict in verdicts {
            let swiftResult: Result<Pattern, PatternSyntaxError> = Result { () throws(PatternSyntaxError) in
                try PatternValidator.validate(verdict.pattern)
            }
            let grammar: Result<Pattern, PatternSyntaxError> = Result { () throws(PatternSyntaxError) in
                try Pattern(parsing: verdict.pattern)
            }
            switch (grammar, verdict.parses) {
            case (.success, false), (.failure, true):
                disagreements.append("\(verdict.file):\(verdict.line) grammar: Swift \(verdict.parses ? "fails" : "parses"), reference \(verdict.parses ? "parses" : "fails"): \(verdict.pattern)")
            case (.failure(let error), false) where verdict.errorAt != nil && verdict.errorAt != "\(error.line):\(error.column)":
                disagreements.append("\(verdict.file):\(verdict.line) error position: Swift \(error.line):\(error.column), reference \(verdict.errorAt ?? ""): \(verdict.pattern)")
            default:
                break
            }
            switch (swiftResult, verdict.valid) {
            case (.success, false):
                disagreements.append("\(verdict.file):\(verdict.line) Swift accepts, reference rejects \(verdict.errors.first ?? ""): \(verdict.pattern)")
            case (.failure(let error), true):
                disagreements.append("\(verdict.file):\(verdict.line) Swift rejects (\(error)), reference accepts: \(verdict.pattern)")
            default:
                break
            }
        }

        #expect(verdicts.count >= 300, "corpus too small: \(verdicts.count)")
        #expect(verdicts.contains { $0.valid } && verdicts.contains { !$0.valid })
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(verdicts.count) disagree:\n\(disagreements.joined(separator: "\n"))")
    }
}
