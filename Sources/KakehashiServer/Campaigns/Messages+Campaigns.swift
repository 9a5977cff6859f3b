extension Messages {
    /// The words of the status board pages, in Japanese.
    static let campaignsJa: [String: String] = [
        "no_campaigns": "表示できるキャンペーンはありません。",
        "campaigns": "キャンペーン",
        "campaign_sectors": "対象分野",
        "campaign_opened": "開始",
        "campaign_closed": "終了",
        "campaign_open": "進行中",
        "open_campaign": "キャンペーンを開始",
        "close_campaign": "キャンペーンを終了",
        "campaign_title_ja": "名称（日本語）",
        "campaign_title_en": "名称（英語）",
        "campaign_summary": "概要と事業者への依頼",
        "campaign_error_titleJa": "日本語と英語の名称を入力してください（200文字以内）。",
        "campaign_error_titleEn": "日本語と英語の名称を入力してください（200文字以内）。",
        "campaign_error_summary": "概要は4,000文字以内にしてください。",
        "campaign_error_sectors": "対象分野を一つ以上選んでください。",
        "report_status": "自社の状況を報告",
        "op_state_normal": "通常",
        "op_state_monitoring": "警戒中",
        "op_state_unreported": "未報告",
    ]

    /// The words of the status board pages, in English.
    static let campaignsEn: [String: String] = [
        "no_campaigns": "No campaign to show.",
        "campaigns": "Campaigns",
        "campaign_sectors": "Sectors",
        "campaign_opened": "Opened",
        "campaign_closed": "Closed",
        "campaign_open": "Open",
        "open_campaign": "Open a campaign",
        "close_campaign": "Close the campaign",
        "campaign_title_ja": "Title (Japanese)",
        "campaign_title_en": "Title (English)",
        "campaign_summary": "Summary and what operators are asked to do",
        "campaign_error_titleJa": "Give a title in Japanese and in English (at most 200 characters).",
        "campaign_error_titleEn": "Give a title in Japanese and in English (at most 200 characters).",
        "campaign_error_summary": "The summary may have at most 4,000 characters.",
        "campaign_error_sectors": "Choose at least one sector.",
        "report_status": "Report our status",
        "op_state_normal": "Normal",
        "op_state_monitoring": "Monitoring",
        "op_state_unreported": "Not reported",
    ]
}
