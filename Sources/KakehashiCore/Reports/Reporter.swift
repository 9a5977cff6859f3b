/// The organisation that reports an incident, and what the law says it is.
public struct Reporter: Sendable, Codable, Hashable {
    /// The hub's id of the reporting organisation, e.g. `org-tokai-rail`.
    public var organizationID: String
    /// The organisation's name as people write it (identifying; never shared when anonymised).
    public var organizationName: String?
    /// Sectors the organisation works in, e.g. `railway`, `aviation`, `airport`, `port`, `logistics`.
    public var sectors: [String]
    /// Legal designations, e.g. `jp-core-infrastructure-operator` (Active Cyber Defense law),
    /// `jp-critical-infrastructure-operator`, `eu-essential-entity`, `au-critical-infrastructure-asset`.
    public var designations: [String]
    /// Domains the organisation owns; anonymisation withholds indicators that mention them.
    public var ownDomains: [String]

    /// Creates a reporter.
    public init(
        organizationID: String,
        organizationName: String? = nil,
        sectors: [String] = [],
        designations: [String] = [],
        ownDomains: [String] = []
    ) {
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.sectors = sectors
        self.designations = designations
        self.ownDomains = ownDomains
    }

    enum CodingKeys: String, CodingKey {
        case organizationID, organizationName, sectors, designations, ownDomains
    }

    /// Decodes a reporter; lists that are absent are empty.
    ///
    /// Under ``ReportCoding/attributedReporter`` the id is the attributed reporter's (the JSON's is not read),
    /// and an absent name or sector list is the attributed reporter's.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let attributed = decoder.userInfo[ReportCoding.attributedReporter] as? Reporter
        if let attributed {
            organizationID = attributed.organizationID
        } else {
            organizationID = try c.decode(String.self, forKey: .organizationID)
        }
        organizationName = try c.decodeIfPresent(String.self, forKey: .organizationName) ?? attributed?.organizationName
        sectors = try c.decodeIfPresent([String].self, forKey: .sectors) ?? attributed?.sectors ?? []
        designations = try c.decodeIfPresent([String].self, forKey: .designations) ?? []
        ownDomains = try c.decodeIfPresent([String].self, forKey: .ownDomains) ?? []
    }
}

/// A person or desk the authorities can reach about the incident.
public struct IncidentContact: Sendable, Codable, Hashable {
    /// The person's or desk's name.
    public var name: String
    /// Their role, e.g. `CSIRT lead`.
    public var role: String?
    /// An e-mail address.
    public var email: String?
    /// A telephone number.
    public var phone: String?
    /// Whether this contact answers around the clock (24×7).
    public var available24x7: Bool

    /// Creates a contact.
    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil, available24x7: Bool = false) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.available24x7 = available24x7
    }

    enum CodingKeys: String, CodingKey { case name, role, email, phone, available24x7 }

    /// Decodes a contact; `available24x7` defaults to `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        available24x7 = try c.decodeIfPresent(Bool.self, forKey: .available24x7) ?? false
    }
}
