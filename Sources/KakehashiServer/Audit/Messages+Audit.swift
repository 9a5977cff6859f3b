extension Messages {
    /// The words of the audit log page, in Japanese.
    static let auditJa: [String: String] = [
        "verify_chain": "改ざん検証",
        "action": "操作",
        "address": "接続元",
        "chain_intact": "監査ログは改ざんされていません。検証件数：",
        "chain_broken": "監査ログの改ざんを検出しました：",
    ]

    /// The words of the audit log page, in English.
    static let auditEn: [String: String] = [
        "verify_chain": "Verify the chain",
        "action": "Action",
        "address": "Address",
        "chain_intact": "The audit chain is intact. Entries checked: ",
        "chain_broken": "The audit chain is broken: ",
    ]
}
