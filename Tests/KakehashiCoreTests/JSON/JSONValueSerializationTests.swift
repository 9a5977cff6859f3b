import Foundation
import Testing
@testable import KakehashiCore

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
