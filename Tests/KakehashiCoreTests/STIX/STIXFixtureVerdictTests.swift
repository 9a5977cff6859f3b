import Testing
@testable import KakehashiCore

@Suite("STIX fixtures get the verdict they were written for")
struct STIXFixtureVerdictTests {
    @Test(arguments: STIXFixtures.validFiles)
    func validBundlesAreValid(file: String) throws {
        let validation = STIXValidator().validateBundle(try STIXFixtures.document(file))
        let failures = validation.results.compactMap { result -> String? in
            guard case .failure(let error) = result else { return nil }
            return error.description
        }
        #expect(validation.bundleIssues.isEmpty)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(validation.isValid)
    }

    @Test func everyBrokenObjectIsRejectedWithItsOwnError() throws {
        let validator = STIXValidator()
        for object in try STIXFixtures.objects(STIXFixtures.invalidFile) {
            let intent = object["x_breaks"]?.stringValue ?? "?"
            let errors = validator.issues(in: object).filter { $0.severity == .error }
            #expect(!errors.isEmpty, "accepted an object that breaks: \(intent)")
            #expect(errors.allSatisfy { !$0.message.isEmpty }, "\(intent)")
        }
    }

    @Test func everyObjectTypeOfSTIX21IsCovered() throws {
        let types = Set(try STIXFixtures.validFiles.flatMap(STIXFixtures.objects).compactMap { $0["type"]?.stringValue })
        let builtIn = Set(STIXSchemas.byType.keys)
        #expect(builtIn.subtracting(types).isEmpty, "types without a valid fixture: \(builtIn.subtracting(types).sorted())")
        #expect(builtIn.count == 19 + 2 + 18 + 3)
    }
}
