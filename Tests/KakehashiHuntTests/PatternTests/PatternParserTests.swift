import Testing
@testable import KakehashiHunt
import KakehashiPrimitives

@Suite("Pattern parser")
struct PatternParserTests {
    @Test func parsesHashComparisonWithQuotedKey() throws {
        let pattern = try Pattern(parsing: "[file:hashes.'SHA-256' = 'abc' AND file:size > 10]")

        #expect(pattern.comparisons.count == 2)
        #expect(pattern.comparisons[0].path == ObjectPath(objectType: "file", steps: [.key("hashes"), .key("SHA-256")]))
        #expect(pattern.comparisons[0].op == .equal(.string("abc")))
        #expect(pattern.comparisons[1].op == .greater(.integer(10)))
    }

    @Test func andBindsTighterThanOrInsideBrackets() throws {
        let pattern = try Pattern(parsing: "[a:x = 1 OR a:y = 2 AND a:z = 3]")

        guard case .observation(.or(.comparison, .and(.comparison, .comparison))) = pattern.root else {
            Issue.record("unexpected tree \(pattern.root)")
            return
        }
    }

    @Test func observationOperatorPrecedenceAndQualifiers() throws {
        let pattern = try Pattern(parsing: "[a:x = 1] FOLLOWEDBY [a:y = 2] OR [a:z = 3] AND [a:w = 4] WITHIN 5 SECONDS")

        guard case .followedBy(.observation, .or(.observation, .and(.observation, .qualified(.observation, .within(seconds: 5))))) = pattern.root else {
            Issue.record("unexpected tree \(pattern.root)")
            return
        }
    }

    @Test func decodesEveryConstantKind() throws {
        let pattern = try Pattern(parsing: #"[x:a IN ('it\'s', -5, +1.5, true, h'0aFF', b'AAE=', t'2020-01-02T03:04:05.5Z', 'back\\slash')]"#)

        #expect(pattern.comparisons.first?.op == .isIn([
            .string("it's"), .integer(-5), .float(1.5), .boolean(true), .hex([0x0A, 0xFF]), .binary([0, 1]),
            .timestamp(PatternTimestamp(text: "2020-01-02T03:04:05.5Z")), .string("back\\slash"),
        ]))
    }

    @Test func pathWithIndexesAndExtensions() throws {
        let pattern = try Pattern(parsing: "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0 AND x-foo:list[0] = 'a']")

        #expect(pattern.comparisons[0].path.steps == [.key("extensions"), .key("windows-pebinary-ext"), .key("sections"), .anyIndex, .key("entropy")])
        #expect(pattern.comparisons[1].path == ObjectPath(objectType: "x-foo", steps: [.key("list"), .index(0)]))
    }

    @Test func syntaxErrorReportsPositionAndExpectation() {
        #expect(throws: PatternSyntaxError.self) { try Pattern(parsing: "[file:name = 'a'") }
        do {
            _ = try Pattern(parsing: "[file:name = 'a']\n AND [file:size >]")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 17)
            #expect(error.offset == 35)
            #expect(error.expected.contains("integer"))
            #expect(error.message.contains("found ']'"))
        }
    }
}

@Suite("Pattern text rendering")
struct PatternDescriptionTests {
    @Test func renderingReparsesToTheSameTree() throws {
        let sources = [
            "[file:name = 'it\\'s' AND (file:size > 1 OR file:size < -2.5)] WITHIN 1.5 SECONDS",
            "[a:b = 1] AND ([a:c = 2] OR [a:d = 3]) FOLLOWEDBY [a:e IN ('x', h'00ff', b'AQID', t'2020-01-01T00:00:00Z')]",
            "[x:'x-key'.list[*][0] NOT LIKE '%\\\\%' OR x:y = 1 AND x:z = 2] REPEATS 2 TIMES START t'2020-01-01T00:00:00Z' STOP t'2021-01-01T00:00:00Z'",
            "[a:b = 1 AND (a:c = 2 AND a:d = 3)]",
            "[NOT EXISTS a:b] OR [a:c = 0.00001] FOLLOWEDBY ([a:d = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS)",
        ]
        for source in sources {
            let pattern = try Pattern(parsing: source)
            #expect(try Pattern(parsing: pattern.description) == pattern, "\(source) → \(pattern)")
        }
    }

    @Test func programmaticTreesGetTheParenthesesTheyNeed() throws {
        let or = ObservationExpression.or(.observation(.comparison(Comparison(path: ObjectPath(objectType: "a", steps: [.key("b")]), op: .equal(.integer(1))))),
                                          .observation(.comparison(Comparison(path: ObjectPath(objectType: "a", steps: [.key("c")]), op: .equal(.float(0.00001))))))
        let pattern = Pattern(root: .qualified(or, .repeats(times: 2)))

        #expect(pattern.description == "([a:b = 1] OR [a:c = 0.00001]) REPEATS 2 TIMES")
        #expect(try Pattern(parsing: pattern.description).comparisons == pattern.comparisons)
    }
}

@Suite("Pattern size limits")
struct PatternLimitTests {
    @Test func longestAllowedChainsParseRenderAndMatch() throws {
        let comparisons = (0..<PatternParser.maximumOperators).map { "ipv4-addr:value = '10.0.\($0 / 256).\($0 % 256)'" }
        let pattern = try Pattern(parsing: "[" + comparisons.joined(separator: " OR ") + "]")
        let matcher = try PatternMatcher(pattern)
        let address = JSONValue.object(["type": .string("ipv4-addr"), "value": .string("10.0.7.207")])
        let set = ObservationSet(observations: [Observation(firstObserved: 0, lastObserved: 0, count: 1, objects: [("a", address)])])

        let observationChain = try PatternMatcher(parsing: comparisons.map { "[\($0)]" }.joined(separator: " OR "))

        #expect(pattern.comparisons.count == PatternParser.maximumOperators)
        #expect(try Pattern(parsing: pattern.description) == pattern)
        #expect(try matcher.matches(set))
        #expect(try observationChain.matches(set))
    }

    @Test func excessiveNestingOrLengthIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "[a:b = 1]" + String(repeating: ")", count: 5000)
        let long = Array(repeating: "[a:b = 1]", count: PatternParser.maximumOperators + 2).joined(separator: " AND ")
        for text in [deep, long] {
            do {
                _ = try Pattern(parsing: text)
                Issue.record("expected a size error")
            } catch {
                #expect(error.message.contains("too complex"))
            }
        }
    }
}
