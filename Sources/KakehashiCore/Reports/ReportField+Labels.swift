extension ReportField {
    /// The field's label for people, in Japanese and English (the message catalogue of report fields).
    public var label: BilingualText {
        switch self {
        case .reporterOrganization: BilingualText(ja: "報告組織", en: "Reporting organisation")
        case .reporterSectors: BilingualText(ja: "業種・分野", en: "Sectors")
        case .reporterDesignations: BilingualText(ja: "法令上の指定", en: "Legal designations")
        case .contacts: BilingualText(ja: "連絡先", en: "Contacts")
        case .contact24x7: BilingualText(ja: "24時間365日対応の連絡先", en: "24×7 contact")
        case .timesOccurred: BilingualText(ja: "発生日時", en: "Time of occurrence")
        case .timesDetected: BilingualText(ja: "検知日時", en: "Time of detection")
        case .timesBecameAware: BilingualText(ja: "認知日時", en: "Time of becoming aware")
        case .timesResolved: BilingualText(ja: "復旧日時", en: "Time of resolution")
        case .category: BilingualText(ja: "インシデント種別", en: "Incident category")
        case .attackTechniques: BilingualText(ja: "ATT&CK 攻撃手法", en: "ATT&CK techniques")
        case .narrative: BilingualText(ja: "事案の概要", en: "Description of the incident")
        case .narrativeJapanese: BilingualText(ja: "事案の概要（日本語）", en: "Description in Japanese")
        case .narrativeEnglish: BilingualText(ja: "事案の概要（英語）", en: "Description in English")
        case .serviceImpact: BilingualText(ja: "サービスへの影響", en: "Service impact")
        case .serviceImpactUsers: BilingualText(ja: "影響を受けた利用者数", en: "Number of users affected")
        case .serviceImpactArea: BilingualText(ja: "影響範囲（地域）", en: "Area affected")
        case .serviceImpactDuration: BilingualText(ja: "影響の継続時間", en: "Duration of impact")
        case .affectedSystems: BilingualText(ja: "影響を受けたシステム", en: "Affected systems")
        case .entryVector: BilingualText(ja: "推定侵入経路", en: "Suspected entry vector")
        case .exploitedCVEs: BilingualText(ja: "悪用された脆弱性（CVE）", en: "Exploited vulnerabilities (CVE)")
        case .indicators: BilingualText(ja: "侵害指標（IoC）", en: "Indicators of compromise")
        case .ransom: BilingualText(ja: "身代金の要求・支払", en: "Ransom demand and payment")
        case .ransomAmount: BilingualText(ja: "身代金の金額", en: "Ransom amount")
        case .ransomCurrency: BilingualText(ja: "身代金の通貨・暗号資産", en: "Ransom currency or asset")
        case .ransomPaidAt: BilingualText(ja: "身代金の支払日時", en: "Time of ransom payment")
        case .ddosPeak: BilingualText(ja: "DDoS のピーク流量", en: "DDoS peak traffic")
        case .ddosVectors: BilingualText(ja: "DDoS の攻撃手法", en: "DDoS vectors")
        case .ddosMitigation: BilingualText(ja: "DDoS の緩和策", en: "DDoS mitigation")
        case .actionsTaken: BilingualText(ja: "実施した対応", en: "Actions taken")
        case .status: BilingualText(ja: "対応状況", en: "Status")
        case .alreadyNotified: BilingualText(ja: "報告済みの機関", en: "Others already notified")
        }
    }
}
