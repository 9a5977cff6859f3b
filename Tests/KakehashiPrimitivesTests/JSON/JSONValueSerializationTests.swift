import Foundation
import Testing
@testable import KakehashiPrimitives

@Suite("JSONValue serialization")
struct JSONValueSerializationTests {
    @Test func sortsKeysAndWritesCompactly() {
        let value: JSONValue = ["b": [1, 2.5, nil], "a": ["z": true, "y": "q"], "é": "x", "B": false]
        #expect(value.serialized() == #"{"B":false,"a":{"y":"q","z":true},"b":[1,2.5,null],"é":"x"}"#)
    }

    @Test func escapesWhatMustBeEscaped() {
        let value: JSONValue = .string("q\"b\\n\nt\tc\u{1}é")
        #expect(value.serialized() == #""q\"b\\n\nt\tc\u0001é""#)
    }

    @Test func escapesAtTheEdgesOfUnescapedRuns() {
        #expect(JSONValue.string("\"").serialized() == #""\"""#)
        #expect(JSONValue.string("\nabc\\").serialized() == #""\nabc\\""#)
        #expect(JSONValue.string("a\u{1F}\u{7F}b").serialized() == "\"a\\u001f\u{7F}b\"")
        #expect(JSONValue.string("").serialized() == #""""#)
    }

    @Test func sortsKeysByCodePointIncludingPrefixes() {
        let value: JSONValue = ["ab": 1, "a": 2, "b": 3, "Z": 4, "": 5, "ä": 6, "😀": 7, "ａ": 8]
        #expect(value.serialized() == #"{"":5,"Z":4,"a":2,"ab":1,"b":3,"ä":6,"ａ":8,"😀":7}"#)
    }

    @Test(arguments: [
        #"{"id":"indicator--1","n":[0,-1,1.5,1e-07,12345678901234567890],"s":"\u2028 ☃ 😀","o":{}}"#,
        #"[[],{},"",null,true,false,-0.0]"#,
    ])
    func roundTripsThroughText(text: String) throws {
        let first = try JSONValue.parse(text)
        let again = try JSONValue.parse(first.serialized())
        #expect(again == first)
        #expect(again.serialized() == first.serialized())
    }

    @Test func codableMatchesParser() throws {
        let text = #"{"a":[1,2.5,"x",null,true],"b":{"c":9007199254740993}}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded == (try JSONValue.parse(text)))
        let encoded = try JSONEncoder().encode(decoded)
        #expect(try JSONValue.parse(encoded) == decoded)
    }

    @Test func subscriptSetterEditsObjects() {
        var value: JSONValue = ["a": 1]
        value["b"] = "two"
        value["a"] = nil
        #expect(value == ["b": "two"])
        var notObject: JSONValue = [1]
        notObject["x"] = 1
        #expect(notObject == [1])
    }
}
