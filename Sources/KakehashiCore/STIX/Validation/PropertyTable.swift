/// A property-name → rule table looked up without hashing: names are bucketed by length and first
/// byte, then compared (small-string equality is a two-word compare). Required names get a bit
/// each, so a single pass over an object's members also proves which required properties are present.
struct PropertyTable: Sendable {
    struct Entry: Sendable {
        let name: String
        let rule: PropertyRule
        let requiredBit: UInt64
    }

    private static let bucketCount = 64
    private let buckets: [[Entry]]
    /// All required bits of this table.
    let requiredMask: UInt64
    /// Required names, by bit position.
    let requiredNames: [String]
    /// Required names that have no rule here (looked up directly).
    let requiredWithoutRule: [String]

    init(_ rules: [String: PropertyRule], required: [String]) {
        var buckets = [[Entry]](repeating: [], count: PropertyTable.bucketCount)
        let ruled = required.filter { rules[$0] != nil }
        precondition(ruled.count <= 64, "at most 64 required properties")
        var mask: UInt64 = 0
        for (name, rule) in rules.sorted(by: { $0.key < $1.key }) {
            var bit: UInt64 = 0
            if let position = ruled.firstIndex(of: name) {
                bit = 1 << UInt64(position)
                mask |= bit
            }
            buckets[PropertyTable.bucket(name)].append(Entry(name: name, rule: rule, requiredBit: bit))
        }
        self.buckets = buckets
        self.requiredMask = mask
        self.requiredNames = ruled
        self.requiredWithoutRule = required.filter { rules[$0] == nil }
    }

    func lookup(_ name: String) -> Entry? {
        for entry in buckets[PropertyTable.bucket(name)] where entry.name == name { return entry }
        return nil
    }

    /// The required names whose bits are not in `seen`.
    func missing(seen: UInt64) -> [String] {
        var absent = requiredMask & ~seen
        var names: [String] = []
        while absent != 0 {
            let position = absent.trailingZeroBitCount
            names.append(requiredNames[position])
            absent &= absent - 1
        }
        return names
    }

    private static func bucket(_ name: String) -> Int {
        let utf8 = name.utf8
        return (utf8.count &* 5 &+ Int(utf8.first ?? 0)) & (bucketCount - 1)
    }
}
