/// A CPE 2.3 name as a well-formed name (WFN) of eleven attributes (NISTIR 7695).
///
/// ```swift
/// let name = try CPEName("cpe:2.3:h:siemens:simatic_s7-1500:2.9.4:*:*:*:*:*:*:*")
/// name.vendor   // .string("siemens")
/// ```
public struct CPEName: Sendable, Hashable, CustomStringConvertible {
    /// The attribute names in WFN order.
    public static let attributeNames = [
        "part", "vendor", "product", "version", "update", "edition", "language",
        "sw_edition", "target_sw", "target_hw", "other",
    ]

    /// The eleven attribute values in ``attributeNames`` order.
    public let values: [CPEValue]

    /// Creates a name from its eleven values; missing trailing values are ANY.
    public init(values: [CPEValue]) {
        var padded = Array(values.prefix(11))
        while padded.count < 11 { padded.append(.any) }
        self.values = padded
    }

    /// Creates a name from plain-text parts (see ``CPEValue/literal(_:)``).
    public init(part: String, vendor: String, product: String, version: String = "*") {
        self.init(values: [.literal(part), .literal(vendor), .literal(product), .literal(version)])
    }

    /// Parses a formatted-string binding (`cpe:2.3:part:vendor:product:version:…`).
    public init(_ formatted: String) throws(CPEError) {
        self = try CPEFormattedString.unbind(formatted)
    }

    /// `part`: `a` application, `o` operating system, `h` hardware.
    public var part: CPEValue { values[0] }
    /// `vendor`.
    public var vendor: CPEValue { values[1] }
    /// `product`.
    public var product: CPEValue { values[2] }
    /// `version`.
    public var version: CPEValue { values[3] }

    /// The same name with `version` replaced.
    public func with(version: CPEValue) -> CPEName {
        var copy = values
        copy[3] = version
        return CPEName(values: copy)
    }

    /// The formatted-string binding of this name.
    public var formatted: String { CPEFormattedString.bind(self) }

    public var description: String { formatted }
}
