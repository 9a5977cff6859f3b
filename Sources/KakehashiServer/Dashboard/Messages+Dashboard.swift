extension Messages {
    /// The words of the dashboard, in Japanese.
    static let dashboardJa: [String: String] = [
        "your_organisation": "所属組織",
        "new_indicators": "新しい指標",
        "new_this_week": "過去7日間",
        "chart_indicators": "日別の新しい指標（過去14日間）",
        "latest_indicators": "最新の指標",
        "dashboard_findings": "登録設備に影響する脆弱性",
        "dashboard_support": "サポート終了・終了間近の設備",
        "due_and_overdue": "期限が迫っている報告・超過した報告",
        "due_count": "未提出の期限",
        "overdue_count": "期限超過",
        "next_deadlines": "次の期限",
        "incidents_over_time": "インシデントの推移",
        "incidents_seen": "報告・受信したインシデント",
        "chart_incidents_category": "月別インシデント件数（種別ごと、過去6か月）",
        "chart_incidents_sector": "月別インシデント件数（分野ごと、過去6か月）",
        "open_campaigns": "進行中のキャンペーン",
        "campaign_awaiting_us": "自社の状況が未報告です",
    ]

    /// The words of the dashboard, in English.
    static let dashboardEn: [String: String] = [
        "your_organisation": "Your organisation",
        "new_indicators": "New indicators",
        "new_this_week": "Last 7 days",
        "chart_indicators": "New indicators per day (last 14 days)",
        "latest_indicators": "Latest indicators",
        "dashboard_findings": "Vulnerabilities affecting your equipment",
        "dashboard_support": "Equipment past or near support end",
        "due_and_overdue": "Reports due and overdue",
        "due_count": "Open deadlines",
        "overdue_count": "Overdue",
        "next_deadlines": "Next deadlines",
        "incidents_over_time": "Incidents over time",
        "incidents_seen": "Incidents reported or received",
        "chart_incidents_category": "Incidents per month by category (last 6 months)",
        "chart_incidents_sector": "Incidents per month by sector (last 6 months)",
        "open_campaigns": "Open campaigns",
        "campaign_awaiting_us": "your status is not reported yet",
    ]
}
