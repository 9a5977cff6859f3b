extension Messages {
    /// The words of the sign-in page, in Japanese.
    static let signInJa: [String: String] = [
        "sign_in": "ログイン",
        "password": "パスワード",
        "bad_credentials": "ユーザー名またはパスワードが正しくありません。",
        "throttled": "ログインの失敗が多すぎます。15分後に再度お試しください。",
        "csrf_failed": "フォームの有効期限が切れました。もう一度お試しください。",
    ]

    /// The words of the sign-in page, in English.
    static let signInEn: [String: String] = [
        "sign_in": "Sign in",
        "password": "Password",
        "bad_credentials": "The username or password is wrong.",
        "throttled": "Too many failed sign-ins. Try again in 15 minutes.",
        "csrf_failed": "The form expired. Please try again.",
    ]
}
