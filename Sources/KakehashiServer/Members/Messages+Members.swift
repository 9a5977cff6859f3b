extension Messages {
    /// The words of the members page, in Japanese.
    static let membersJa: [String: String] = [
        "display_name": "表示名",
        "organisation_kind": "組織の種類",
        "isac_tier": "ISAC 会員区分",
        "organisations_by_sector": "分野別の会員組織",
        "no_sector": "分野なし",
        "disabled": "無効",
        "role_admin": "管理者",
        "role_analyst": "分析者",
        "role_reporter": "報告者",
        "role_viewer": "閲覧者",
        "org_kind_operator": "事業者",
        "org_kind_regulator": "所管省庁",
        "org_kind_national-center": "国家センター",
        "org_kind_isac": "ISAC",
        "org_kind_vendor": "ベンダー",
        "tier_regular": "正会員",
        "tier_supporting": "賛助会員",
        "tier_observer": "オブザーバー",
    ]

    /// The words of the members page, in English.
    static let membersEn: [String: String] = [
        "display_name": "Display name",
        "organisation_kind": "Kind",
        "isac_tier": "ISAC tier",
        "organisations_by_sector": "Member organisations by sector",
        "no_sector": "No sector",
        "disabled": "disabled",
        "role_admin": "Administrator",
        "role_analyst": "Analyst",
        "role_reporter": "Reporter",
        "role_viewer": "Viewer",
        "org_kind_operator": "Operator",
        "org_kind_regulator": "Regulator",
        "org_kind_national-center": "National center",
        "org_kind_isac": "ISAC",
        "org_kind_vendor": "Vendor",
        "tier_regular": "Regular",
        "tier_supporting": "Supporting",
        "tier_observer": "Observer",
    ]
}
