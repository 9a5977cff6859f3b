import Foundation
import Hummingbird

/// A TAXII error: answered with the TAXII error message body and the TAXII media type.
struct TAXIIError: HTTPResponseError, CustomStringConvertible {
    let status: HTTPResponse.Status
    let title: String
    let details: String?
    let extraHeaders: HTTPFields

    init(_ status: HTTPResponse.Status, _ title: String, details: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.details = details
        self.extraHeaders = headers
    }

    var description: String { "TAXII \(status.code): \(title)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try TAXIIResponse.encoder.encode(TAXIIResources.ErrorMessage(title: title, description: details, httpStatus: String(status.code)))
        var headers = extraHeaders
        headers[.contentType] = TAXIIMediaType.taxii
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func unauthenticated(_ details: String) -> TAXIIError {
        TAXIIError(.unauthorized, "Authentication required", details: details, headers: [.wwwAuthenticate: #"Basic realm="Kakehashi TAXII""#])
    }
}
