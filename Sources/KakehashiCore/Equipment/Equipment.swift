/// A piece of equipment that an operator registered so that advisories reach them: what it is
/// (vendor, product, version, model numbers, CPE), where it is and what it does.
public struct Equipment: Sendable, Hashable {
    /// Whether the item belongs to information technology or operational technology.
    public enum Domain: String, Sendable, Hashable, Codable, CaseIterable {
        case it = "IT"
        case ot = "OT"
    }

    /// The operator's identifier for the item, unique within a registry.
    public var id: String
    /// A human name ("Line 2 PLC").
    public var name: String
    /// The vendor as the operator knows it ("Siemens").
    public var vendor: String
    /// The product ("SIMATIC S7-1500").
    public var product: String
    /// The installed version or firmware, if known.
    public var version: String?
    /// Vendor model numbers / order numbers (for example `6ES7 515-2AM02-0AB0`).
    public var modelNumbers: [String]
    /// The CPE 2.3 name, if the operator knows one.
    public var cpe: CPEName?
    /// The site where the item runs.
    public var site: String
    /// What the item does there ("substation protection relay").
    public var function: String
    /// IT or OT.
    public var domain: Domain
    /// Designated critical equipment (特定重要設備) under the Economic Security Promotion Act.
    public var designatedCriticalEquipment: Bool
    /// A critical computer (重要電子計算機) under the Active Cyber Defense law.
    public var criticalComputer: Bool
    /// The last day of vendor support, if announced.
    public var supportEnd: CalendarDay?

    /// Creates an item.
    public init(
        id: String, name: String = "", vendor: String, product: String, version: String? = nil,
        modelNumbers: [String] = [], cpe: CPEName? = nil, site: String = "", function: String = "",
        domain: Domain = .ot, designatedCriticalEquipment: Bool = false, criticalComputer: Bool = false,
        supportEnd: CalendarDay? = nil
    ) {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.product = product
        self.version = version
        self.modelNumbers = modelNumbers
        self.cpe = cpe
        self.site = site
        self.function = function
        self.domain = domain
        self.designatedCriticalEquipment = designatedCriticalEquipment
        self.criticalComputer = criticalComputer
        self.supportEnd = supportEnd
    }
}
