import Hummingbird

/// Which language a page speaks: `?lang=` (remembered in a cookie), then the user's setting,
/// then the browser's Accept-Language, else Japanese.
enum PageLanguage {
    static let cookieName = "kh_lang"

    static func resolve(_ request: Request, context: HubRequestContext) -> String {
        if let asked = request.uri.queryParameters["lang"].map(String.init), ["ja", "en"].contains(asked) { return asked }
        if let remembered = request.cookies[cookieName]?.value, ["ja", "en"].contains(remembered) { return remembered }
        if let user = context.identity?.user { return user.locale }
        if let header = request.headers[.acceptLanguage] {
            for part in header.split(separator: ",") {
                let tag = part.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
                if tag.hasPrefix("ja") { return "ja" }
                if tag.hasPrefix("en") { return "en" }
            }
        }
        return "ja"
    }

    /// Remembers an explicit `?lang=` choice.
    static func remember(_ request: Request, on response: inout Response) {
        if let asked = request.uri.queryParameters["lang"].map(String.init), ["ja", "en"].contains(asked) {
            response.setCookie(Cookie(name: cookieName, value: asked, maxAge: 365 * 86_400, path: "/", httpOnly: true, sameSite: .strict))
        }
    }
}
