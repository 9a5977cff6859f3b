import Testing
@testable import KakehashiCore

@Suite("Versions and ranges")
struct AdvisoryVersionTests {
    @Test(arguments: [
        ("1.2.10", "1.2.9", 1),
        ("1.0", "1.0.0", 0),
        ("V3.01", "3.1", 0),
        ("V3.01", "V3.10", -1),
        ("R2.1.3a", "R2.1.3", 1),
        ("R2.1.3a", "R2.1.3b", -1),
        ("4.2(1)SV2", "4.2(1)SV1", 1),
        ("4.2(1)SV2(2.1)", "4.2(1)SV2", 1),
        ("4.2(2)", "4.2(1)SV2", 1),
        ("12.3.4-build567", "12.3.4-build99", 1),
        ("12.3.4-build567", "12.3.4", 1),
        ("2.0rc1", "2.0", -1),
        ("2.0-beta", "2.0-alpha", 1),
        ("10.0", "9.99", 1),
        ("123456789012345678901234567890", "99", 1),
    ])
    func vendorOrdering(lhs: String, rhs: String, expected: Int) {
        #expect(Version.compare(Version(lhs), Version(rhs), semantic: false) == expected)
        #expect(Version.compare(Version(rhs), Version(lhs), semantic: false) == -expected)
    }

    @Test func semverPrecedenceFollowsTheSpecification() {
        // SemVer 2.0 §11 example chain.
        let chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                     "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]
        for (a, b) in zip(chain, chain.dropFirst()) {
            #expect(Version.compare(Version(a), Version(b), semantic: true) < 0, "\(a) < \(b)")
        }
        #expect(Version.compare(Version("1.0.0+build.1"), Version("1.0.0"), semantic: true) == 0)
        #expect(SemanticVersion("1.0") == nil)
    }

    @Test func cveRangeWithLessThan() {
        let range = VersionRange(version: "2.0", status: .affected, versionType: "custom", lessThan: "2.4.1")
        #expect(range.status(of: Version("1.9")) == nil)
        #expect(range.status(of: Version("2.0")) == .affected)
        #expect(range.status(of: Version("2.4.0")) == .affected)
        #expect(range.status(of: Version("2.4.1")) == nil)
    }

    @Test func cveRangeWithLessThanOrEqualAndUnboundedStart() {
        let range = VersionRange(version: "0", status: .affected, versionType: "semver", lessThanOrEqual: "1.4.2")
        #expect(range.status(of: Version("1.4.2")) == .affected)
        #expect(range.status(of: Version("1.4.3")) == nil)
        #expect(range.status(of: Version("1.4.2-rc.1")) == .affected)
    }

    @Test func cveRangeChanges() {
        // CVE JSON 5 schema example: 1.2.0 affected up to 1.3.0, fixed at 1.2.4, regressed at 1.2.7.
        let range = VersionRange(
            version: "1.2.0", status: .affected, versionType: "custom", lessThan: "1.3.0",
            changes: [.init(at: "1.2.4", status: .unaffected), .init(at: "1.2.7", status: .affected)])
        #expect(range.status(of: Version("1.2.3")) == .affected)
        #expect(range.status(of: Version("1.2.4")) == .unaffected)
        #expect(range.status(of: Version("1.2.6")) == .unaffected)
        #expect(range.status(of: Version("1.2.9")) == .affected)
    }

    @Test func singleVersionEntry() {
        let entry = VersionRange(version: "V3.01", status: .affected)
        #expect(entry.status(of: Version("V3.1")) == .affected)
        #expect(entry.status(of: Version("V3.02")) == nil)
    }

    @Test func versRanges() throws {
        let range = try #require(VersRange("vers:generic/>=2.0|<2.4.1"))
        #expect(range.contains(Version("2.0")))
        #expect(range.contains(Version("2.3.9")))
        #expect(!range.contains(Version("2.4.1")))
        #expect(!range.contains(Version("1.9")))
        let upTo = try #require(VersRange("vers:generic/<=1.5"))
        #expect(upTo.contains(Version("1.5")) && upTo.contains(Version("0.1")) && !upTo.contains(Version("1.6")))
        let exact = try #require(VersRange("vers:generic/1.0|1.2"))
        #expect(exact.contains(Version("1.2")) && !exact.contains(Version("1.1")))
        let excluded = try #require(VersRange("vers:generic/>=1.0|!=1.1|<2.0"))
        #expect(!excluded.contains(Version("1.1")) && excluded.contains(Version("1.2")))
        #expect(VersRange("<=1.5") == nil)
    }
}
