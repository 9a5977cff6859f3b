import Foundation
import Testing
@testable import KakehashiPrimitives

@Suite("JSONValue parsing")
struct JSONValueParsingTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#" {"a": [1, -2.5e3, true, false, null, "x\ty"], "b": {"c": "é"}} "#)
        #expect(value["a"]?[0] == .int(1))
        #expect(value["a"]?[1]?.doubleValue == -2500)
        #expect(value["a"]?[2] == .bool(true))
        #expect(value["a"]?[3]?.boolValue == false)
        #expect(value["a"]?[4]?.isNull == true)
        #expect(value["a"]?[5]?.stringValue == "x\ty")
        #expect(value["b"]?["c"]?.stringValue == "é")
        #expect(value["a"]?[6] == nil)
        #expect(value["missing"] == nil)
    }

    @Test func keepsIntegersExact() throws {
        let value = try JSONValue.parse("[9223372036854775807, -9223372036854775808, 18446744073709551616, 3.0]")
        #expect(value[0]?.int64Value == Int64.max)
        #expect(value[1]?.int64Value == Int64.min)
        #expect(value[2]?.int64Value == nil)
        #expect(value[2]?.numberValue?.description == "18446744073709551616")
        #expect(value[3]?.numberValue?.isInteger == false)
        #expect(value[3] == .int(3), "1.0 and 1 are the same number")
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value.stringValue == "a\"b\\c/d\u{8}\u{c}\n\r\té😀")
    }

    @Test func parsesFromDataAndNonContiguousBytes() throws {
        let data = Data(#"{"k":"v"}"#.utf8)
        #expect(try JSONValue.parse(data) == ["k": "v"])
        let bytes = #"{"k":"v"}"#.utf8.lazy.map { $0 }
        #expect(try JSONValue.parse(bytes) == ["k": "v"])
    }

    @Test(arguments: [
        ("", 0, "unexpected end of input"),
        ("{\"a\" 1}", 5, "expected ':'"),
        ("[1,]", 3, "unexpected character ']'"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("01", 1, "leading zeros"),
        ("1.", 2, "after '.'"),
        ("NaN", 0, "unexpected character 'N'"),
        ("tru", 0, "expected 'true'"),
        ("\"abc", 4, "unterminated string"),
        ("\"a\nb\"", 2, "control character"),
        ("\"\\x\"", 1, "invalid escape"),
        ("\"\\ud800\"", 1, "unpaired surrogate"),
        ("{\"a\":1,\"a\":2}", 7, "duplicate object key \"a\""),
        ("1e999", 0, "out of range"),
        ("{} x", 3, "unexpected data after"),
    ])
    func reportsOffsetAndReason(input: String, offset: Int, reason: String) {
        #expect {
            _ = try JSONValue.parse(input)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(offset: 1, reason: "string is not valid UTF-8")) {
            try JSONValue.parse(bytes)
        }
    }

    @Test func refusesExcessiveNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONValue.parse(fine)) != nil)
    }
}
