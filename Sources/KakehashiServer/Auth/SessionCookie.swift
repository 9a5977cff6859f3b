import Foundation
import Hummingbird

/// The cookies the hub sets: the session id, and the sign-in form's CSRF token.
enum SessionCookie {
    static let name = "kh_session"
    static let preSignInCSRF = "kh_csrf"

    /// The session cookie: HttpOnly, SameSite=Strict, and Secure when the hub serves TLS.
    static func make(secret: String, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(name: name, value: secret, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that removes the session cookie from the browser.
    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
