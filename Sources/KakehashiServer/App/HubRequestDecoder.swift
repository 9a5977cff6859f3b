import Foundation
import Hummingbird
import NIOFoundationCompat

/// Reads JSON request bodies for `request.decode(as:context:)`: a body that does not decode is an
/// ``APIError`` 400 that names the path at fault (`field`), instead of Hummingbird's generic 400.
public struct HubRequestDecoder: RequestDecoder {
    /// The JSON decoder (its date strategy, its `userInfo`).
    let decoder: JSONDecoder
    /// The error code of a body that is JSON but not the expected shape.
    let code: String

    /// The REST API's decoder: ISO 8601 times; shape errors are `invalid-body`.
    public init() {
        self.init(decoder: HubJSON.decoder, code: "invalid-body")
    }

    init(decoder: JSONDecoder, code: String) {
        self.decoder = decoder
        self.code = code
    }

    /// Decodes the whole body (up to the context's `maxUploadSize`) as `type`.
    /// - Throws: ``APIError`` 400: `invalid-body` when the body is not JSON or not an object, otherwise this
    ///   decoder's code, with a message and `field` naming the path at fault.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try decoder.decode(T.self, from: buffer)
        } catch let error as DecodingError {
            throw Self.apiError(error, code: code)
        }
    }

    /// The 400 for `error`: `invalid-body` when the body is not JSON, or not an object where one was expected
    /// at its root; otherwise `code`, naming the path.
    static func apiError(_ error: DecodingError, code: String) -> APIError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let cause = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
            return APIError(.badRequest, code: "invalid-body", "the body is not JSON (\(context.debugDescription)\(cause))")
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return APIError(.badRequest, code: "invalid-body", "the body must be a JSON object")
        default:
            return APIError(.badRequest, code: code, DecodingErrorText.describe(error), field: DecodingErrorText.field(error))
        }
    }
}
