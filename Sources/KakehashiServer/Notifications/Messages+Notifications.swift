extension Messages {
    /// The words of the outbox page, in Japanese.
    static let notificationsJa: [String: String] = [
        "outbox_intro": "インシデントの配送と脆弱性の該当通知について、受信組織へ送るメールです。SMTP が設定されていない間は「送信待ち」のまま残ります。",
        "outbox_unsent_only": "未送信のみ",
        "outbox_empty": "メールはありません。",
        "outbox_recipient": "宛先組織",
        "outbox_subject": "件名",
        "outbox_state": "状態",
        "outbox_attempts": "試行回数",
        "outbox_when": "送信日時／次回試行",
        "outbox_accepted": "受理されたアドレス",
        "outbox_last_reply": "最後の応答",
        "mail_state_pending": "送信待ち",
        "mail_state_sent": "送信済み",
        "mail_state_failed": "送信失敗",
        "mail_state_held": "保留（宛先未設定）",
    ]

    /// The words of the outbox page, in English.
    static let notificationsEn: [String: String] = [
        "outbox_intro": "E-mail owed to recipient organisations for incident deliveries and advisory findings. Without SMTP configured, messages stay pending.",
        "outbox_unsent_only": "Unsent only",
        "outbox_empty": "No e-mail.",
        "outbox_recipient": "Recipient organisation",
        "outbox_subject": "Subject",
        "outbox_state": "State",
        "outbox_attempts": "Attempts",
        "outbox_when": "Sent / next attempt",
        "outbox_accepted": "Accepted addresses",
        "outbox_last_reply": "Last reply",
        "mail_state_pending": "Pending",
        "mail_state_sent": "Sent",
        "mail_state_failed": "Failed",
        "mail_state_held": "Held (no address)",
    ]
}
