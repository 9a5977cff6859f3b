import Testing
import KakehashiPrimitives

/// The parser's duplicate-key option: rejected by default (STIX validation), last value kept on request
/// (Python's `json`, so the pattern matcher's view of a document).
@Suite("JSONValue duplicate keys")
struct JSONDuplicateKeyTests {
    @Test func duplicateKeysAreRejectedByDefault() {
        do {
            _ = try JSONValue.parse(#"{"k": 1, "k": 2}"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 9)
            #expect(error.reason.contains("duplicate object key \"k\""))
        }
    }

    @Test func lastWinsKeepsTheLastValueAtEveryDepth() throws {
        let value = try JSONValue.parse(#"{"k": 1, "d": {"x": "a", "x": "b"}, "k": [2]}"#, duplicateKeys: .lastWins)

        #expect(value["k"] == [2])
        #expect(value["d"]?["x"] == "b")
        #expect(value.objectValue?.count == 2)
    }

    /// Moved from the matcher's tests: what stix2-matcher's input parsing relies on.
    @Test func lastWinsKeepsIntegersExactAndDecodesEscapes() throws {
        let value = try JSONValue.parse(#"{"n": 9007199254740993, "f": 1.5, "e": 1e2, "s": "a\"\u00e9\ud83d\ude00\n", "l": [true, null], "d": {"k": 1, "k": 2}}"#, duplicateKeys: .lastWins)

        #expect(value["n"]?.numberValue?.storage.integer == 9_007_199_254_740_993)
        #expect(value["f"]?.numberValue?.isInteger == false)
        #expect(value["f"]?.doubleValue == 1.5)
        #expect(value["e"]?.numberValue?.isInteger == false)
        #expect(value["e"]?.doubleValue == 100)
        #expect(value["s"] == .string("a\"é😀\n"))
        #expect(value["l"] == .array([.bool(true), .null]))
        #expect(value["d"]?["k"] == .int(2))
    }

    /// Moved from the matcher's tests: syntax errors name the offset whatever the option.
    @Test func lastWinsStillReportsWhereItFailed() {
        do {
            _ = try JSONValue.parse(#"{"a": [1, 2,, 3]}"#, duplicateKeys: .lastWins)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 12)
        }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[1] trailing", duplicateKeys: .lastWins) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#""unterminated"#, duplicateKeys: .lastWins) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(String(repeating: "[", count: 600), duplicateKeys: .lastWins) }
    }
}

extension JSONNumber.Storage {
    /// The exact integer, if the number is held as one.
    fileprivate var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
