extension Messages {
    /// The words of the equipment registry page, in Japanese.
    static let equipmentJa: [String: String] = [
        "equipment_registry": "登録設備の一覧",
        "product": "製品",
        "function": "機能",
        "designation": "指定",
        "supported": "サポート中",
        "support_unknown": "未登録",
        "support_ended_days": "終了から%d日",
        "support_ending_days": "残り%d日",
        "export_csv": "CSVで書き出す",
        "import_csv": "CSVで登録する",
        "csv_help": "列: id, name, vendor, product, version, model_numbers（;区切り）, cpe, site, function, domain（IT/OT）, designated_critical_equipment, critical_computer, support_end（YYYY-MM-DD）。登録内容は全体が置き換わります。",
        "csv_text": "CSV（見出し行つき）",
        "replace_registry": "登録内容を置き換える",
        "csv_rejected": "CSVを受け付けませんでした。何も変更していません。",
        "registry_imported": "%d件の設備を登録しました。新たな該当脆弱性: %d件。",
        "operators": "事業者数",
        "regulated_operators": "所管の事業者",
    ]

    /// The words of the equipment registry page, in English.
    static let equipmentEn: [String: String] = [
        "equipment_registry": "Registered equipment",
        "product": "Product",
        "function": "Function",
        "designation": "Designation",
        "supported": "Supported",
        "support_unknown": "Not registered",
        "support_ended_days": "ended %d days ago",
        "support_ending_days": "%d days left",
        "export_csv": "Export CSV",
        "import_csv": "Register from CSV",
        "csv_help": "Columns: id, name, vendor, product, version, model_numbers (separated by ;), cpe, site, function, domain (IT/OT), designated_critical_equipment, critical_computer, support_end (YYYY-MM-DD). The whole registry is replaced.",
        "csv_text": "CSV (with a header row)",
        "replace_registry": "Replace the registry",
        "csv_rejected": "The CSV was not accepted; nothing was changed.",
        "registry_imported": "Registered %d items. New findings: %d.",
        "operators": "Operators",
        "regulated_operators": "Operators you regulate",
    ]
}
