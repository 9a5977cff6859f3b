import Foundation
import Testing
import KakehashiPrimitives

@Suite("Name-based UUIDs")
struct NameBasedUUIDTests {
    /// Vectors from Python's `uuid.uuid5`.
    @Test(arguments: [
        ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d"),
        ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "", "4ebd0208-8328-5d69-8c44-ec50939c0967"),
        ("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://example.com/ä", "afdef7ba-7312-5e42-ac2d-ed60cef58139"),
        ("00abedb4-aa42-466c-9c01-fed23315a9b7", #"{"value":"203.0.113.5"}"#, "826fe3cb-56b0-5620-9d30-4c17ed7b24e3"),
    ])
    func matchesPython(namespace: String, name: String, expected: String) throws {
        let namespace = try #require(UUID(uuidString: namespace))

        #expect(NameBasedUUID.v5String(namespace: namespace, name: name) == expected)
        #expect(NameBasedUUID.v5(namespace: namespace, name: name) == UUID(uuidString: expected))
    }
}
