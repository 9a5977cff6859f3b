/// One of Japan's critical-infrastructure sectors, as the national action plan lists them.
public enum Sector: String, Sendable, Codable, CaseIterable {
    case informationCommunications = "information-communications"
    case finance
    case aviation
    case airports
    case railways
    case electricity
    case gas
    case government = "government-administrative-services"
    case medical
    case water
    case logistics
    case chemicals
    case creditCards = "credit-cards"
    case petroleum
    case ports

    /// The sector's Japanese name, as the national action plan writes it.
    public var nameJa: String {
        switch self {
        case .informationCommunications: "情報通信"
        case .finance: "金融"
        case .aviation: "航空"
        case .airports: "空港"
        case .railways: "鉄道"
        case .electricity: "電力"
        case .gas: "ガス"
        case .government: "政府・行政サービス"
        case .medical: "医療"
        case .water: "水道"
        case .logistics: "物流"
        case .chemicals: "化学"
        case .creditCards: "クレジット"
        case .petroleum: "石油"
        case .ports: "港湾"
        }
    }

    /// The sector's English name.
    public var nameEn: String {
        switch self {
        case .informationCommunications: "Information & communications"
        case .finance: "Finance"
        case .aviation: "Aviation"
        case .airports: "Airports"
        case .railways: "Railways"
        case .electricity: "Electricity"
        case .gas: "Gas"
        case .government: "Government & administrative services"
        case .medical: "Medical"
        case .water: "Water"
        case .logistics: "Logistics"
        case .chemicals: "Chemicals"
        case .creditCards: "Credit cards"
        case .petroleum: "Petroleum"
        case .ports: "Ports"
        }
    }
}
