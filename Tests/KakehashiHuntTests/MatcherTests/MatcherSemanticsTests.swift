import Foundation
import Testing
@testable import KakehashiHunt
import KakehashiPrimitives

/// Behaviour of the matcher on a small real bundle (`Fixtures/patterns/observed-bundle.json`):
/// three observed-data objects (a download, a connection seen 3 times, an e-mail).
@Suite("Matcher semantics")
struct MatcherSemanticsTests {
    static let download = "observed-data--b67d30ff-02ac-498a-92f9-32f845f44801"
    static let connection = "observed-data--b67d30ff-02ac-498a-92f9-32f845f44802"
    static let email = "observed-data--b67d30ff-02ac-498a-92f9-32f845f44803"

    static func observations() throws -> ObservationSet {
        guard let url = Bundle.module.url(forResource: "observed-bundle", withExtension: "json", subdirectory: "Fixtures/patterns") else {
            throw PythonOracle.Failure(description: "fixture observed-bundle.json missing")
        }
        return try ObservationSet(stix21: [try JSONValue.parse(Array(try Data(contentsOf: url)), duplicateKeys: .lastWins)])
    }

    /// The observed-data ids of the first match.
    static func firstMatch(_ pattern: String) throws -> [String] {
        let set = try observations()
        return try PatternMatcher(parsing: pattern).firstMatch(in: set).compactMap { set.observedDataIDs[$0] }
    }

    @Test func comparisonAndMustHoldOnOneObject() throws {
        #expect(try Self.firstMatch("[file:name = 'setup.exe' AND file:size > 1000]") == [Self.download])
        #expect(try Self.firstMatch("[file:name = 'setup.exe' AND file:size = 12]").isEmpty)
    }

    @Test func followsReferencesAndLists() throws {
        #expect(try Self.firstMatch(#"[file:parent_directory_ref.path LIKE '%Downloads']"#) == [Self.download])
        #expect(try Self.firstMatch("[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']") == [Self.connection])
        #expect(try Self.firstMatch("[email-message:to_refs[*].value = 'keiri@example.co.jp']") == [Self.email])
        // The second reference does not resolve, so index 1 selects nothing.
        #expect(try Self.firstMatch("[email-message:to_refs[1].value = 'keiri@example.co.jp']").isEmpty)
    }

    @Test func binaryPropertiesCompareWithHexAndLatin1Strings() throws {
        #expect(try Self.firstMatch("[file:x_magic_hex = h'4d5a9000']") == [Self.download])
        #expect(try Self.firstMatch("[file:x_magic_hex = 'MZ\u{90}\u{0}']") == [Self.download])
        #expect(try Self.firstMatch("[file:x_magic_hex = h'4d5a']").isEmpty)
    }

    @Test func timestampLiteralsCoerceStringProperties() throws {
        #expect(try Self.firstMatch("[file:ctime < t'2024-03-02T09:00:00Z']") == [Self.download])
        #expect(try Self.firstMatch("[file:ctime = t'2024-03-02T08:59:59.500Z']") == [Self.download])
    }

    @Test func followedByRespectsTimeOrder() throws {
        #expect(try Self.firstMatch("[file:name = 'setup.exe'] FOLLOWEDBY [email-message:subject LIKE '請求書%']") == [Self.download, Self.email])
        #expect(try Self.firstMatch("[email-message:subject LIKE '請求書%'] FOLLOWEDBY [file:name = 'setup.exe']").isEmpty)
    }

    @Test func repeatsCountsNumberObserved() throws {
        #expect(try Self.firstMatch("[network-traffic:dst_port = 443] REPEATS 3 TIMES") == [Self.connection])
        #expect(try Self.firstMatch("[network-traffic:dst_port = 443] REPEATS 4 TIMES").isEmpty)
    }

    @Test func withinMeasuresFromEarliestLastObserved() throws {
        // Download ends 09:05:00, connection starts 09:10:00: exactly 300 seconds apart.
        #expect(try Self.firstMatch("([file:name = 'setup.exe'] AND [network-traffic:dst_port = 443]) WITHIN 300 SECONDS").count == 2)
        #expect(try Self.firstMatch("([file:name = 'setup.exe'] AND [network-traffic:dst_port = 443]) WITHIN 299.5 SECONDS").isEmpty)
    }

    @Test func startStopIsHalfOpen() throws {
        #expect(try Self.firstMatch("[file:name = 'setup.exe'] START t'2024-03-02T09:05:00Z' STOP t'2024-03-02T10:00:00Z'") == [Self.download])
        #expect(try Self.firstMatch("[file:name = 'setup.exe'] START t'2024-03-02T08:00:00Z' STOP t'2024-03-02T09:00:00Z'").isEmpty)
    }

    @Test func nonObservableTypesAreIgnored() throws {
        #expect(try Self.firstMatch("[indicator:pattern_type = 'stix']").isEmpty)
    }

    @Test func ipv6RangesAreSupported() throws {
        #expect(try Self.firstMatch("[ipv6-addr:value ISSUBSET '2001:db8::/32']") == [Self.connection])
        #expect(try Self.firstMatch("[ipv6-addr:value ISSUBSET '2001:db9::/32']").isEmpty)
    }

    @Test func existsFollowsTheSpecification() throws {
        #expect(try Self.firstMatch("[EXISTS file:hashes.MD5]") == [Self.download])
        #expect(try Self.firstMatch("[NOT EXISTS file:hashes]") == [Self.download])
        #expect(try Self.firstMatch("[EXISTS file:hashes.SHA1]").isEmpty)
    }

    @Test func patternsTheReferenceCannotEvaluateAreErrors() {
        #expect(throws: MatcherError.self) { try PatternMatcher(parsing: "[file:name IN ('setup.exe', 5)]") }
        #expect(throws: MatcherError.self) { try PatternMatcher(parsing: "[file:ctime = t'2024-02-30T00:00:00Z']") }
        #expect(throws: MatcherError.self) { try PatternMatcher(parsing: "[file:name MATCHES '(']") }
        #expect(throws: MatcherError.self) { try PatternMatcher(parsing: "[file:name = 'a'] REPEATS 0 TIMES") }
        #expect(throws: PatternSyntaxError.self) { try PatternMatcher(parsing: "[file:name = 'a'") }
    }

    @Test func malformedObservedDataIsRejectedWithContext() throws {
        let bundle = try JSONValue.parse(#"{"objects": [{"type": "observed-data", "id": "observed-data--1", "number_observed": 1, "object_refs": []}]}"#, duplicateKeys: .lastWins)
        do {
            _ = try ObservationSet(stix21: [bundle])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidObservation)
            #expect(error.message.contains("observed-data--1"))
            #expect(error.message.contains("first_observed"))
        }
    }

    /// A reference resolves to its targets only (once a `nil` in a `compactMap` became JSON null there,
    /// so `to_refs[1]` pointed at a null instead of the second address).
    @Test func referencesResolveToTheirTargetsOnly() throws {
        let first: JSONValue = ["type": "email-addr", "id": "email-addr--1", "value": "b@example.org"]
        let second: JSONValue = ["type": "email-addr", "id": "email-addr--2", "value": "a@example.com"]
        let observation = Observation(firstObserved: 0, lastObserved: 0, count: 1,
                                      objects: [("email-addr--1", first), ("email-addr--2", second)])

        #expect(observation.resolve("email-addr--2") == [second])
        #expect(observation.resolve("email-addr--missing").isEmpty)
    }

    @Test func deprecatedObjectMapsResolveReferencesByKey() throws {
        let observed = try JSONValue.parse(#"""
            {"type": "observed-data", "id": "observed-data--2", "first_observed": "2024-03-02T09:00:00Z",
             "last_observed": "2024-03-02T09:00:00Z", "number_observed": 1,
             "objects": {"0": {"type": "ipv4-addr", "value": "203.0.113.5"},
                         "1": {"type": "network-traffic", "dst_ref": "0", "dst_port": 22}}}
            """#, duplicateKeys: .lastWins)
        let set = try ObservationSet(observedDataWithObjectMaps: [observed])
        let matcher = try PatternMatcher(parsing: "[network-traffic:dst_ref.value = '203.0.113.5' AND network-traffic:dst_port = 22]")

        #expect(try matcher.matches(set))
    }

    @Test func compiledMatcherIsReusableAcrossTasks() async throws {
        let matcher = try PatternMatcher(parsing: "[network-traffic:dst_port = 443]")
        let set = try Self.observations()
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { (try? matcher.matches(set)) ?? false } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}

@Suite("Matcher search limit")
struct MatcherSearchLimitTests {
    @Test func exponentialRepeatSearchStopsWithAnError() throws {
        // Twelve observations of a connection, each seen 4 times, and a pattern whose nested
        // REPEATS cannot be satisfied, so the search would otherwise be exhaustive.
        let observations = (0..<12).map { index in
            Observation(firstObserved: Int64(index) * 1_000_000, lastObserved: Int64(index) * 1_000_000, count: 4,
                        objects: [("n\(index)", .object(["type": .string("network-traffic"), "dst_port": .int(443)]))])
        }
        var matcher = try PatternMatcher(parsing: "([network-traffic:dst_port > 0] REPEATS 2 TIMES AND [network-traffic:dst_port > 0] REPEATS 4 TIMES) REPEATS 9 TIMES")
        matcher.searchLimit = 200_000

        do {
            _ = try matcher.matches(ObservationSet(observations: observations))
            Issue.record("expected the search limit to stop the match")
        } catch {
            #expect(error.kind == .searchLimitExceeded)
        }
    }
}
