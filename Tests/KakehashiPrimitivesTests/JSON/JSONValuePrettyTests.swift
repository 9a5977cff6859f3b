import Testing
import KakehashiPrimitives

@Suite("JSONValue pretty serialization")
struct JSONValuePrettyTests {
    @Test func indentsTwoSpacesWithSortedKeysAndCompactEmptyContainers() {
        let value: JSONValue = ["type": "bundle", "objects": [["id": "x--1", "count": 2]], "empty": [], "none": [:]]

        #expect(value.prettySerialized() == """
            {
              "empty": [],
              "none": {},
              "objects": [
                {
                  "count": 2,
                  "id": "x--1"
                }
              ],
              "type": "bundle"
            }
            """)
    }

    @Test func compactAndPrettyHoldTheSameValue() throws {
        let value: JSONValue = ["a": [1, 2.5, "é\n", nil, true], "b": ["c": [:]]]

        #expect(try JSONValue.parse(value.prettySerialized()) == value)
        #expect(try JSONValue.parse(value.prettySerialized()).serialized() == value.serialized())
    }
}
