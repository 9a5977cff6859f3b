import Foundation
import Hummingbird
import HTTPTypes

/// An error a client caused or must know about, returned as JSON: `{"error": {"status", "code", "message"}}`.
public struct APIError: HTTPResponseError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    /// A stable, machine-readable code, e.g. `invalid-field`.
    public let code: String
    /// What was wrong, in words a person can act on.
    public let message: String
    /// The field or path at fault, when there is one.
    public let field: String?

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try ErrorBody(status: status, code: code, message: message, field: field).response()
    }
}

/// The JSON body of every non-TAXII error response.
struct ErrorBody: Encodable {
    struct Detail: Encodable {
        let status: Int
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail

    init(status: HTTPResponse.Status, code: String, message: String, field: String?) {
        self.error = Detail(status: status.code, code: code, message: message, field: field)
    }

    func response(status override: HTTPResponse.Status? = nil, headers extra: HTTPFields = [:]) throws -> Response {
        let data = try JSONEncoder.hub().encode(self)
        var headers = extra
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: override ?? .init(code: error.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
