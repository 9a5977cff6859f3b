extension Messages {
    /// The words of the collection and object pages, in Japanese.
    static let collectionsJa: [String: String] = [
        "no_collections": "閲覧できるコレクションはありません。",
        "read_only": "閲覧のみ",
        "search": "検索",
        "object_type": "種類",
        "all_types": "すべての種類",
        "results": "件数",
        "add_indicator": "指標を共有する",
        "name_ja": "名前（日本語）",
        "name_en": "名前（英語）",
        "background_ja": "背景・目的（日本語）",
        "background_en": "背景・目的（英語）",
        "share": "共有する",
        "upload_bundle": "STIXバンドルを登録する",
        "bundle_json": "STIX 2.1 バンドル（JSON）",
        "background": "背景・目的",
        "relationships": "関連",
        "no_relationships": "このコレクションに関連するオブジェクトはありません。",
        "invalid_bundle": "STIXバンドルとして読み取れません。",
        "stored": "件を登録",
        "rejected": "件を拒否",
    ]

    /// The words of the collection and object pages, in English.
    static let collectionsEn: [String: String] = [
        "no_collections": "No collection is open to your organisation.",
        "read_only": "Read only",
        "search": "Search",
        "object_type": "Type",
        "all_types": "All types",
        "results": "Results",
        "add_indicator": "Share an indicator",
        "name_ja": "Name (Japanese)",
        "name_en": "Name (English)",
        "background_ja": "Background and purpose (Japanese)",
        "background_en": "Background and purpose (English)",
        "share": "Share",
        "upload_bundle": "Upload a STIX bundle",
        "bundle_json": "STIX 2.1 bundle (JSON)",
        "background": "Background and purpose",
        "relationships": "Relationships",
        "no_relationships": "No object in this collection is related to it.",
        "invalid_bundle": "This is not a readable STIX bundle.",
        "stored": " stored",
        "rejected": " rejected",
    ]
}
