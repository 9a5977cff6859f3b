/// The pages' words in Japanese and English; a test proves both catalogues have the same keys.
enum Messages {
    static let ja: [String: String] = [
        "app_name": "架け橋 Kakehashi",
        "skip_to_content": "本文へ移動",
        "language": "言語",
        "sign_in": "ログイン",
        "sign_out": "ログアウト",
        "username": "ユーザー名",
        "password": "パスワード",
        "dashboard": "ダッシュボード",
        "your_organisation": "所属組織",
        "role": "役割",
        "back_home": "ホームへ戻る",
        "bad_credentials": "ユーザー名またはパスワードが正しくありません。",
        "throttled": "ログインの失敗が多すぎます。15分後に再度お試しください。",
        "csrf_failed": "フォームの有効期限が切れました。もう一度お試しください。",
        "not_found": "ページが見つかりません",
        "not_found_message": "お探しのページは存在しないか、閲覧する権限がありません。",
    ]

    static let en: [String: String] = [
        "app_name": "Kakehashi 架け橋",
        "skip_to_content": "Skip to content",
        "language": "Language",
        "sign_in": "Sign in",
        "sign_out": "Sign out",
        "username": "Username",
        "password": "Password",
        "dashboard": "Dashboard",
        "your_organisation": "Your organisation",
        "role": "Role",
        "back_home": "Back to the dashboard",
        "bad_credentials": "The username or password is wrong.",
        "throttled": "Too many failed sign-ins. Try again in 15 minutes.",
        "csrf_failed": "The form expired. Please try again.",
        "not_found": "Page not found",
        "not_found_message": "The page does not exist, or you may not see it.",
    ]

    /// The catalogue for a language code; Japanese unless English is asked for.
    static func catalogue(_ language: String) -> [String: String] {
        language == "en" ? en : ja
    }
}
