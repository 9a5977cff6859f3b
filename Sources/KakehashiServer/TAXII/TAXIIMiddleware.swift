import Hummingbird

/// For every `/taxii2/` request: refuses an `Accept` that rules out TAXII 2.1 (406) and answers
/// every error, whatever raised it, with a TAXII error body and the TAXII media type.
struct TAXIIMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard TAXIIMediaType.accepts(request.headers[.accept]) else {
            throw TAXIIError(.notAcceptable, "Not acceptable", details: "this server answers \(TAXIIMediaType.taxii); the Accept header rules it out")
        }
        do {
            return try await next(request, context)
        } catch let error as TAXIIError {
            throw error
        } catch let error as APIError {
            if error.status == .unauthorized { throw TAXIIError.unauthenticated(error.message) }
            throw TAXIIError(error.status, error.status.reasonPhrase, details: error.message)
        } catch let error as any HTTPResponseError {
            let details = error.status == .contentTooLarge
                ? "the request body is larger than max_content_length (\(HubLimits.maxBodyBytes) bytes)"
                : (error as? HTTPError)?.body
            throw TAXIIError(error.status, error.status.reasonPhrase, details: details)
        }
    }
}
