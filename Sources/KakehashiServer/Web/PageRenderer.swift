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

    /// Renders `template` from `model` into an HTML response; the template also reads `lang`, `title` and
    /// the language's message catalogue `t`.
    func page(_ template: String, language: String, title: String, model: some PageModel, status: HTTPResponse.Status = .ok) -> Response {
        let html = html(template, language: language, title: title, model: model)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "same-origin"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The HTML of `template` drawn from `model`.
    func html(_ template: String, language: String, title: String, model: some PageModel) -> String {
        let context = PageContext(lang: language, t: Messages.catalogue(language), title: title, model: model)
        return library.render(context, withTemplate: template) ?? "template \(template) is missing"
    }
}
