import Foundation

/// What the attacker demanded and whether it was paid.
public struct RansomDetails: Sendable, Codable, Hashable {
    /// Whether a ransom was demanded.
    public var demanded: Bool
    /// Whether a ransom was paid (CIRCIA starts a 24-hour clock at payment).
    public var paid: Bool
    /// The amount demanded or paid, as a decimal string to keep it exact, e.g. `"2.5"`.
    public var amount: String?
    /// The currency or asset, e.g. `JPY`, `USD`, `BTC`, `XMR`.
    public var currency: String?
    /// When it was paid (UTC instant).
    public var paidAt: Date?

    /// Creates ransom details.
    public init(demanded: Bool, paid: Bool = false, amount: String? = nil, currency: String? = nil, paidAt: Date? = nil) {
        self.demanded = demanded
        self.paid = paid
        self.amount = amount
        self.currency = currency
        self.paidAt = paidAt
    }

    /// Whether `text` is a plain non-negative decimal such as `15`, `2.5` or `1200000` (no sign,
    /// exponent, separators or unit: the currency goes in ``currency``).
    public static func isValidAmount(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }

    enum CodingKeys: String, CodingKey { case demanded, paid, amount, currency, paidAt }

    /// Decodes ransom details, checking that the amount is a plain decimal.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try c.decodeIfPresent(String.self, forKey: .amount)
        if let amount, !Self.isValidAmount(amount) {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: c, debugDescription: "ransom.amount: '\(amount)' is not a plain decimal such as 15 or 2.5")
        }
        self.init(
            demanded: try c.decodeIfPresent(Bool.self, forKey: .demanded) ?? false,
            paid: try c.decodeIfPresent(Bool.self, forKey: .paid) ?? false,
            amount: amount,
            currency: try c.decodeIfPresent(String.self, forKey: .currency),
            paidAt: try c.decodeIfPresent(Date.self, forKey: .paidAt)
        )
    }
}
