import Foundation
import Hummingbird
import HTTPTypes

/// Requires the session's CSRF token on every state-changing request made with the session cookie:
/// in the `X-CSRF-Token` header (scripts) or the `_csrf` field of a form post (pages).
/// Requests authenticated by an API token carry no ambient authority and need none.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    static let headerName = HTTPField.Name("X-CSRF-Token")!
    static let formField = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = context.session, ![.get, .head, .options].contains(request.method) else {
            return try await next(request, context)
        }
        if let header = request.headers[Self.headerName] {
            guard constantTimeEqual(header, session.csrfToken) else { throw Self.refusal }
            return try await next(request, context)
        }
        var request = request
        if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let form = FormFields(String(buffer: body))
            guard let token = form[Self.formField], constantTimeEqual(token, session.csrfToken) else { throw Self.refusal }
            return try await next(request, context)
        }
        throw Self.refusal
    }

    static let refusal = APIError(.forbidden, code: "csrf", "this request needs the session's CSRF token (form field _csrf or header X-CSRF-Token); reload the page and try again")
}

/// Compares secrets without leaking, through timing, how much of them matched.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let (x, y) = (Array(a.utf8), Array(b.utf8))
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
