import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache pages with the layout, the language's message catalogue and security headers.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every template under the server's `Resources/templates`.
    public static func load() async throws -> PageRenderer {
        guard let directory = ServerResources.directory("templates") else {
            throw APIError(.internalServerError, code: "templates-missing", "the page templates were not bundled")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory))
    }

    /// The folder of static assets (CSS) served under `/static`.
    static var staticDirectory: String? { ServerResources.directory("static") }

    /// Renders `template` into an HTML response.
    func page(_ template: String, language: String, title: String, values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var context = values
        context["lang"] = language
        context["t"] = Messages.catalogue(language)
        context["title"] = title
        let html = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "same-origin"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
