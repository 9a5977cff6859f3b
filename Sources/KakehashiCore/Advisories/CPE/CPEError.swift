/// A CPE 2.3 formatted string that broke a rule of NISTIR 7695, naming the attribute and the rule.
public struct CPEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string as given.
    public let name: String
    /// The WFN attribute at fault (`part`, `vendor`, …), or nil when the name as a whole is malformed.
    public let attribute: String?
    /// The rule that was broken, in words.
    public let rule: String

    /// Creates an error about `name`.
    public init(name: String, attribute: String?, rule: String) {
        self.name = name
        self.attribute = attribute
        self.rule = rule
    }

    public var description: String {
        if let attribute { return "CPE name \"\(name)\": attribute \(attribute): \(rule)" }
        return "CPE name \"\(name)\": \(rule)"
    }
}
