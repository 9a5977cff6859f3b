extension Version: Comparable {
    /// Vendor-style ordering (see ``Version``).
    public static func < (lhs: Version, rhs: Version) -> Bool { compare(lhs, rhs, semantic: false) < 0 }

    /// Vendor-style equality of ordering: `1.0` equals `1.0.0`, `V3.01` equals `3.1`.
    public static func == (lhs: Version, rhs: Version) -> Bool { compare(lhs, rhs, semantic: false) == 0 }

    public func hash(into hasher: inout Hasher) {
        var trimmed = segments
        while trimmed.last == .number("0") { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    /// Compares two versions: negative, zero or positive. With `semantic` true and both sides valid
    /// semantic versions, SemVer 2.0 precedence is used; otherwise the vendor-style ordering.
    public static func compare(_ lhs: Version, _ rhs: Version, semantic: Bool) -> Int {
        if semantic, let left = lhs.semantic, let right = rhs.semantic {
            return SemanticVersion.compare(left, right)
        }
        let count = max(lhs.segments.count, rhs.segments.count)
        for index in 0..<count {
            let left = index < lhs.segments.count ? lhs.segments[index] : nil
            let right = index < rhs.segments.count ? rhs.segments[index] : nil
            let order = compareSegments(left, right)
            if order != 0 { return order }
        }
        return 0
    }

    private static func compareSegments(_ left: Segment?, _ right: Segment?) -> Int {
        switch (left, right) {
        case (nil, nil): return 0
        case (nil, .some(let segment)): return -compareSegments(segment, nil)
        case (.number(let value), nil): return value == "0" ? 0 : 1
        case (.word(let word), nil): return preReleaseWords.contains(word) ? -1 : 1
        case (.number(let a), .number(let b)): return compareDigits(a, b)
        case (.word(let a), .word(let b)): return a == b ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
        case (.word, .number): return -1
        case (.number, .word): return 1
        }
    }

    /// Compares digit strings without leading zeros, so arbitrarily long numbers are fine.
    static func compareDigits(_ a: String, _ b: String) -> Int {
        let left = a.utf8, right = b.utf8
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        return left.elementsEqual(right) ? 0 : (left.lexicographicallyPrecedes(right) ? -1 : 1)
    }
}
