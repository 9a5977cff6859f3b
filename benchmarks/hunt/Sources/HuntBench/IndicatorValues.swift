/// The value of generated indicator number `i`, independent of the total count, so a log that
/// plants indicator values from the first thousand matches every indicator-set size equally.
enum IndicatorValues {
    enum Kind { case ipv4, cidr, domain, url, sha256 }

    /// 40% IPv4, 5% CIDR, 25% domain, 15% URL, 15% SHA-256.
    static func kind(_ i: Int) -> Kind {
        switch i % 20 {
        case 0..<8: .ipv4
        case 8: .cidr
        case 9..<14: .domain
        case 14..<17: .url
        default: .sha256
        }
    }

    static func ipv4(_ i: Int) -> String {
        var v = UInt32(truncatingIfNeeded: SplitMix.hash(i, 1))
        if v >> 24 == 10 { v ^= 0x8000_0000 }
        return "\(v >> 24).\(v >> 16 & 255).\(v >> 8 & 255).\(v & 255)"
    }

    static func cidr(_ i: Int) -> String {
        let h = SplitMix.hash(i, 2)
        let len = 24 + Int(h >> 60) % 6
        var v = UInt32(truncatingIfNeeded: h)
        if v >> 24 == 10 { v ^= 0x8000_0000 }
        v &= ~UInt32(0) << UInt32(32 - len)
        return "\(v >> 24).\(v >> 16 & 255).\(v >> 8 & 255).\(v & 255)/\(len)"
    }

    static func domain(_ i: Int) -> String {
        let h = SplitMix.hash(i, 3)
        return "\(String(h, radix: 36)).bad-\(h % 997).example"
    }

    static func url(_ i: Int) -> String {
        "http://\(domain(i + 7_000_000))/dl/\(String(SplitMix.hash(i, 4), radix: 36)).php"
    }

    static func sha256(_ i: Int) -> String {
        (0..<4).map { k -> String in
            let s = String(SplitMix.hash(i, 10 + UInt64(k)), radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }

    static func pattern(_ i: Int) -> String {
        switch kind(i) {
        case .ipv4: "[ipv4-addr:value = '\(ipv4(i))']"
        case .cidr: "[ipv4-addr:value ISSUBSET '\(cidr(i))']"
        case .domain: "[domain-name:value = '\(domain(i))']"
        case .url: "[url:value = '\(url(i))']"
        case .sha256: "[file:hashes.'SHA-256' = '\(sha256(i))']"
        }
    }

    static func id(_ i: Int) -> String {
        let a = SplitMix.hash(i, 99), b = SplitMix.hash(i, 98)
        func hex(_ v: UInt64, _ n: Int) -> String {
            let s = String(v, radix: 16)
            return String((String(repeating: "0", count: max(0, 16 - s.count)) + s).prefix(n))
        }
        return "indicator--\(hex(a, 8))-\(hex(a >> 32, 4))-4\(hex(b, 3))-a\(hex(b >> 20, 3))-\(hex(b >> 8, 12))"
    }
}
