import Testing
@testable import KakehashiCore

@Suite("Bundles and envelopes")
struct STIXBundleValidationTests {
    let validator = STIXValidator()

    @Test func givesOneVerdictPerObjectInOrder() throws {
        let valid = try STIXFixtures.first("malware")
        var broken = try STIXFixtures.first("tool")
        broken["name"] = nil
        let bundle: JSONValue = ["type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [valid, broken]]
        let validation = validator.validateBundle(bundle)
        #expect(validation.bundleIssues.isEmpty)
        #expect(validation.results.count == 2)
        #expect((try? validation.results[0].get())?.type == "malware")
        #expect(!validation.isValid)
        #expect(validation.validObjects.map(\.type) == ["malware"])
        guard case .failure(let error) = validation.results[1] else {
            Issue.record("tool without name accepted")
            return
        }
        #expect(error.errors.map(\.message) == ["missing required property 'name'"])
    }

    @Test func checksTheEnvelope() {
        let noID: JSONValue = ["type": "bundle", "objects": []]
        let validation = validator.validateBundle(noID)
        #expect(validation.bundleIssues.map(\.path).sorted() == ["id", "objects"])
        let wrongID: JSONValue = ["type": "bundle", "id": "report--5d0092c5-5f74-4287-9642-33f4c354e56d"]
        #expect(validator.validateBundle(wrongID).bundleIssues.map(\.rule) == [.referenceType])
    }

    @Test func issuesCoverBundlesAndLooseObjects() throws {
        let document = try STIXFixtures.document(STIXFixtures.invalidFile)
        let errors = validator.issues(in: document).filter { $0.severity == .error }
        let objects = try STIXFixtures.objects(STIXFixtures.invalidFile)
        #expect(Set(errors.compactMap(\.objectID)).count >= objects.count - 1)  // one broken object has no id
        #expect(validator.issues(in: "text").first?.rule == .propertyType)
    }

    @Test func runsThePatternCheckerOnStixPatternsOnly() throws {
        let checker: STIXPatternChecker = { pattern, version in
            pattern.hasPrefix("[") && version == "2.1" ? nil : "pattern must start with '['"
        }
        let strict = STIXValidator(patternChecker: checker)
        var indicator = try STIXFixtures.first("indicator")
        #expect(strict.issues(in: indicator).filter { $0.severity == .error }.isEmpty)
        indicator["pattern"] = "ipv4-addr:value = '1.2.3.4'"
        let issues = strict.issues(in: indicator).filter { $0.severity == .error }
        #expect(issues.map(\.rule) == [.pattern])
        #expect(issues.first?.path == "pattern")
        indicator["pattern_type"] = "yara"
        #expect(strict.issues(in: indicator).filter { $0.severity == .error }.isEmpty)
    }

    @Test func vocabularyMisfitsAreWarningsOnly() throws {
        var indicator = try STIXFixtures.first("indicator")
        indicator["indicator_types"] = ["not-in-the-vocabulary"]
        let object = try validator.object(from: indicator)
        #expect(object.warnings.contains { $0.rule == .vocabulary && $0.path == "indicator_types[0]" })
    }
}
