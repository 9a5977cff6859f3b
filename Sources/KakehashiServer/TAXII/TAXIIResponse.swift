import Foundation
import HTTPTypes
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// Builds TAXII answers: the TAXII media type, and the date-added headers on paged resources.
enum TAXIIResponse {
    static let dateAddedFirst = HTTPField.Name("X-TAXII-Date-Added-First")!
    static let dateAddedLast = HTTPField.Name("X-TAXII-Date-Added-Last")!

    /// A TAXII resource as JSON, written by the hub's one configured encoder.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: TAXIIMediaType.taxii], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let encoder = JSONEncoder.hub()

    /// A body already written as JSON text, with the page's date-added range.
    static func page(body: String, first: Int64?, last: Int64?) -> Response {
        page(body: ByteBuffer(string: body), first: first, last: last)
    }

    /// A body already written as JSON bytes, with the page's date-added range.
    static func page(body: ByteBuffer, first: Int64?, last: Int64?) -> Response {
        var headers: HTTPFields = [.contentType: TAXIIMediaType.taxii]
        if let first { headers[dateAddedFirst] = MicrosTimestamp.format(first) }
        if let last { headers[dateAddedLast] = MicrosTimestamp.format(last) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }
}
