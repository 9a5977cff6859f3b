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

/// The JSON body of every non-TAXII error response (`ErrorBody` in the app).
struct ErrorResponse: Decodable {
    struct Detail: Decodable {
        let status: Int
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail
}

/// A body with an `id`, as creating a resource answers.
struct Created: Decodable {
    let id: String
}

/// Any JSON value whose content a test does not look at (it counts them, or checks they are there).
struct Opaque: Decodable {
    init(from decoder: any Decoder) throws {}
}
