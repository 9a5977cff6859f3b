extension Messages {
    /// The words of the checklist pages, in Japanese.
    static let checklistsJa: [String: String] = [
        "checklists_intro": "自社のセキュリティ対策を項目ごとに自己評価します。結果は自社と所管省庁、国家センター、ISAC だけが見られます。",
        "checklist": "チェックリスト",
        "checklist_version": "版",
        "checklist_items": "項目数",
        "checklist_our_score": "自社の達成度",
        "checklist_last_saved": "最終保存",
        "checklist_overview": "所管事業者の達成度",
        "checklist_overall": "全体",
        "checklist_answer": "回答",
        "checklist_note": "補足",
        "checklist_save": "回答を保存",
        "assessment_saved": "回答を保存しました。",
        "assessment_error_note": "補足は1,000文字以内にしてください。",
        "assessment_error_answer": "回答は選択肢から選んでください。",
        "not_assessed": "未回答",
        "answer_none": "未回答",
        "answer_yes": "実施している",
        "answer_partial": "一部実施",
        "answer_no": "実施していない",
        "answer_not-applicable": "該当しない",
    ]

    /// The words of the checklist pages, in English.
    static let checklistsEn: [String: String] = [
        "checklists_intro": "Assess your organisation's security practice item by item. Only your organisation, its regulators, the national center and ISACs see the results.",
        "checklist": "Checklist",
        "checklist_version": "Version",
        "checklist_items": "Items",
        "checklist_our_score": "Our score",
        "checklist_last_saved": "Last saved",
        "checklist_overview": "Operators you oversee",
        "checklist_overall": "Overall",
        "checklist_answer": "Answer",
        "checklist_note": "Note",
        "checklist_save": "Save answers",
        "assessment_saved": "Your answers were saved.",
        "assessment_error_note": "A note may have at most 1,000 characters.",
        "assessment_error_answer": "Choose one of the offered answers.",
        "not_assessed": "Not answered",
        "answer_none": "Not answered",
        "answer_yes": "In place",
        "answer_partial": "Partly",
        "answer_no": "Not in place",
        "answer_not-applicable": "Does not apply",
    ]
}
