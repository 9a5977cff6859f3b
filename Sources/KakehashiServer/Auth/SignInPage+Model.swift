/// `/signin`: the sign-in form, before any session (so without the signed-in frame).
enum SignInPage {
    struct Model: PageModel {
        /// The double-submit token, also set as a cookie with the form.
        let csrf: String
        /// Where to go after signing in (a same-site path).
        let next: String
        let username: String
        var error: String?
    }
}
