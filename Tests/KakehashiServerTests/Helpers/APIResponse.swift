import Foundation
import Hummingbird
import HummingbirdTesting

/// Decodes a JSON document as `T`; tests read what the hub sends into types instead of casting
/// `JSONSerialization` results.
func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    try JSONDecoder().decode(type, from: data)
}

/// Decodes a response's body as `T`.
func decode<T: Decodable>(_ type: T.Type, from response: TestResponse) throws -> T {
    try decode(type, from: Data(buffer: response.body))
}

/// A response read whole: its status, its body as text, and the same body to decode.
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let body: String
    let data: Data

    init(_ response: TestResponse) {
        status = response.status
        data = Data(buffer: response.body)
        body = String(decoding: data, as: UTF8.self)
    }

    /// Decodes the body as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try KakehashiServerTests.decode(type, from: data)
    }
}
