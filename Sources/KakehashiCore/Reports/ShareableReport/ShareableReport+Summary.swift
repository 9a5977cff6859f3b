extension ShareableReport {
    /// A title that names no one, e.g. `Ransomware incident at an operator in the railway sector` /
    /// `鉄道分野の事業者におけるランサムウェア事案`.
    public var title: BilingualText {
        let sector = sectors.first.map { Self.sectorName($0) } ?? BilingualText(ja: "重要インフラ", en: "critical infrastructure")
        let category = category.label
        return BilingualText(ja: "\(sector.ja)分野の事業者における\(category.ja)事案", en: "\(category.en) incident at an operator in the \(sector.en) sector")
    }

    /// A description built only from shareable structured facts, plus the narrative if marked shareable.
    public var summary: BilingualText {
        var ja: [String] = [], en: [String] = []
        if let worst = serviceImpact.map(\.state).max() {
            let users = serviceImpact.compactMap(\.usersAffected).reduce(0, +)
            ja.append("サービスへの影響: \(worst.label.ja)" + (users > 0 ? "（利用者 \(users) 人）" : "") + "。")
            en.append("Service impact: \(worst.label.en)" + (users > 0 ? " (\(users) users)" : "") + ".")
        }
        if affectedSystems.contains(where: \.isCriticalComputer) || affectedSystems.contains(where: \.isCriticalEquipment) {
            ja.append("特定重要設備または重要電子計算機が影響を受けた。")
            en.append("Designated critical equipment or critical computers were affected.")
        }
        if let entryVector {
            ja.append("推定侵入経路: \(entryVector.rawValue)。")
            en.append("Suspected entry vector: \(entryVector.rawValue).")
        }
        if let ransom {
            ja.append("身代金の要求: \(ransom.demanded ? "あり" : "なし")、支払: \(ransom.paid ? "あり" : "なし")。")
            en.append("Ransom demanded: \(ransom.demanded ? "yes" : "no"); paid: \(ransom.paid ? "yes" : "no").")
        }
        if let text = narrative?.ja, !text.isReportBlank { ja.append(text) }
        if let text = narrative?.en, !text.isReportBlank { en.append(text) }
        return BilingualText(ja: ([title.ja + "。"] + ja).joined(separator: " "), en: ([title.en + "."] + en).joined(separator: " "))
    }

    static func sectorName(_ sector: String) -> BilingualText {
        switch sector {
        case "railway": BilingualText(ja: "鉄道", en: "railway")
        case "aviation": BilingualText(ja: "航空", en: "aviation")
        case "airport": BilingualText(ja: "空港", en: "airport")
        case "port": BilingualText(ja: "港湾", en: "port")
        case "logistics": BilingualText(ja: "物流", en: "logistics")
        default: BilingualText(ja: sector, en: sector)
        }
    }
}

extension IncidentCategory {
    /// The category's name in Japanese and English.
    public var label: BilingualText {
        switch self {
        case .ransomware: BilingualText(ja: "ランサムウェア", en: "Ransomware")
        case .ddos: BilingualText(ja: "DDoS 攻撃", en: "DDoS")
        case .unauthorisedAccess: BilingualText(ja: "不正アクセス", en: "Unauthorised access")
        case .malware: BilingualText(ja: "マルウェア感染", en: "Malware")
        case .dataBreach: BilingualText(ja: "情報漏えい", en: "Data breach")
        case .supplyChain: BilingualText(ja: "サプライチェーン攻撃", en: "Supply-chain")
        case .other: BilingualText(ja: "サイバー", en: "Cyber")
        }
    }
}

extension ServiceState {
    /// The state's name in Japanese and English.
    public var label: BilingualText {
        switch self {
        case .normal: BilingualText(ja: "通常", en: "normal")
        case .intermittent: BilingualText(ja: "断続的", en: "intermittent")
        case .degraded: BilingualText(ja: "低下", en: "degraded")
        case .down: BilingualText(ja: "停止", en: "down")
        }
    }
}
