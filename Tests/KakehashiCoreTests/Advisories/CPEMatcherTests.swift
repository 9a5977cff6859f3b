import Testing
@testable import KakehashiCore

@Suite("CPE name matching (NISTIR 7696)")
struct CPEMatcherTests {
    private func relation(_ source: String, _ target: String) throws -> CPENameRelation {
        CPEMatcher.relation(source: try CPEName(source), target: try CPEName(target))
    }

    @Test func specificNameIsSubsetOfGenericName() throws {
        let specific = "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:sp2:*:*:*:*"
        let generic = "cpe:2.3:a:microsoft:internet_explorer:*:*:*:*:*:*:*:*"
        #expect(try relation(specific, generic) == .subset)
        #expect(try relation(generic, specific) == .superset)
        #expect(try relation(generic, generic) == .equal)
    }

    @Test func naAgainstStringIsDisjoint() throws {
        // NISTIR 7696 example: edition PalmOS against NA.
        #expect(try relation("cpe:2.3:a:adobe:*:9.*:*:PalmOS:*:*:*:*:*", "cpe:2.3:a:*:reader:9.3.2:-:-:*:*:*:*:*") == .disjoint)
    }

    @Test func mixedSupersetAndSubsetIsNoRelation() throws {
        #expect(try relation("cpe:2.3:a:adobe:*:9.3.2:*:*:*:*:*:*:*", "cpe:2.3:a:*:reader:9.3.2:*:*:*:*:*:*:*") == .none)
    }

    @Test func matchingIsCaseInsensitive() throws {
        #expect(try relation("cpe:2.3:a:Adobe:Reader:9.3.2:*:*:*:*:*:*:*", "cpe:2.3:a:adobe:reader:9.3.2:*:*:*:*:*:*:*") == .equal)
    }

    @Test(arguments: [
        ("9.*", "9.3.2", CPEAttributeRelation.superset),
        ("9.*", "10.3", .disjoint),
        ("9.?", "9.3", .superset),
        ("9.?", "9.31", .disjoint),
        ("9.??", "9.3", .superset),
        ("?.3", "9.3", .superset),
        ("*reader", "adobe_reader", .superset),
        ("*read*", "adobe_reader_x", .superset),
        ("reader", "reader_x", .disjoint),
        ("*", "anything", .superset),
        ("-", "anything", .disjoint),
        ("anything", "*", .subset),
        ("9.3", "9.*", .undefined),
    ])
    func attributeComparison(source: String, target: String, expected: CPEAttributeRelation) throws {
        let sourceName = try CPEName("cpe:2.3:a:v:p:\(source):*:*:*:*:*:*:*")
        let targetName = try CPEName("cpe:2.3:a:v:p:\(target):*:*:*:*:*:*:*")
        #expect(CPEMatcher.compare(source: sourceName.version, target: targetName.version) == expected)
    }

    @Test func matchesMeansSupersetOrEqual() throws {
        let advisory = try CPEName("cpe:2.3:h:siemens:simatic_s7-1500*:*:*:*:*:*:*:*:*")
        let item = try CPEName("cpe:2.3:h:siemens:simatic_s7-1500_cpu_1518-4:2.9.4:*:*:*:*:*:*:*")
        #expect(CPEMatcher.matches(source: advisory, target: item))
        #expect(!CPEMatcher.matches(source: item, target: advisory))
    }
}
