import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage
import Logging

/// Turns every error into a JSON answer: known errors keep their status, storage errors are mapped,
/// anything else becomes a logged 500 whose body reveals nothing internal.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            // These render their own bodies (JSON, or TAXII's error message and media type).
            if error is APIError || error is TAXIIError { throw error }
            let http = error as? HTTPError
            var message = http?.body ?? error.status.reasonPhrase
            if error.status == .contentTooLarge {
                message = "the request body is larger than the \(HubLimits.maxBodyBytes / 1_048_576) MiB the hub accepts"
            }
            return try ErrorBody(status: error.status, code: Self.code(for: error.status), message: message, field: nil)
                .response(headers: http?.headers ?? [:])
        } catch let error as StorageError {
            switch error.code {
            case .notFound: throw APIError(.notFound, code: "not-found", error.message)
            case .conflict: throw APIError(.conflict, code: "conflict", error.message)
            case .invalid: throw APIError(.badRequest, code: "invalid", error.message)
            default:
                context.logger.error("storage failure", metadata: ["error": "\(error)", "http.path": "\(request.uri.path)"])
                throw APIError(.serviceUnavailable, code: "storage-unavailable", "the hub's database did not complete the request; try again")
            }
        } catch let error as MemberValidationError {
            throw APIError(.badRequest, code: "invalid-field", error.message, field: error.field)
        } catch let error as DecodingError {
            throw APIError(.badRequest, code: "invalid-body", DecodingErrorText.describe(error))
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "http.path": "\(request.uri.path)"])
            throw APIError(.internalServerError, code: "internal", "the hub could not complete the request; the error was logged")
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .contentTooLarge: "body-too-large"
        case .notFound: "not-found"
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .badRequest: "bad-request"
        case .unsupportedMediaType: "unsupported-media-type"
        default: "http-\(status.code)"
        }
    }
}

/// Words for a JSON decoding failure that name the path at fault.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the body" : "$" + text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)): required field '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "the body could not be read as JSON"
        }
    }

    /// The dotted path at fault, e.g. `times.detectedAt` or `sectors[1]`; nil for the body as a whole.
    static func field(_ error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: return nil
        }
        guard !path.isEmpty else { return nil }
        return path.enumerated().map { index, key in
            if let number = key.intValue { return "[\(number)]" }
            return index == 0 ? key.stringValue : "." + key.stringValue
        }.joined()
    }
}
