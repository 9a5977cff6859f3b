/// The literal rules of `STIXPattern.g4`: each returns the length of the longest match at a
/// position, or `nil`. Number lengths exclude a sign the caller already consumed.
extension PatternLexer {
    /// `'0' | [1-9][0-9]*`
    func intLength(_ p: Int) -> Int? {
        guard Self.isDigit(at(p)) else { return nil }
        if at(p) == 0x30 { return 1 }
        var end = p + 1
        while Self.isDigit(at(end)) { end += 1 }
        return end - p
    }

    /// `[0-9]* '.' [0-9]+`
    func floatLength(_ p: Int) -> Int? {
        var end = p
        while Self.isDigit(at(end)) { end += 1 }
        guard at(end) == 0x2E, Self.isDigit(at(end + 1)) else { return nil }
        end += 1
        while Self.isDigit(at(end)) { end += 1 }
        return end - p
    }

    /// `QUOTE ( ~['\\] | '\\\'' | '\\\\' )* QUOTE`
    func stringLength(_ p: Int) -> Int? {
        var index = p + 1
        while index < scalars.count {
            switch scalars[index] {
            case 0x27:
                return index + 1 - p
            case 0x5C:
                guard at(index + 1) == 0x27 || at(index + 1) == 0x5C else { return nil }
                index += 2
            default:
                index += 1
            }
        }
        return nil
    }

    /// `'h' QUOTE (HexDigit HexDigit)* QUOTE`
    func hexLength(_ p: Int) -> Int? {
        guard at(p + 1) == 0x27 else { return nil }
        var end = p + 2
        while Self.isHexDigit(at(end)) { end += 1 }
        guard (end - p - 2) % 2 == 0, at(end) == 0x27 else { return nil }
        return end + 1 - p
    }

    /// `'b' QUOTE` base64 quads with optional `=`/`==` padding (at least one quad) `QUOTE`.
    func binaryLength(_ p: Int) -> Int? {
        guard at(p + 1) == 0x27 else { return nil }
        var end = p + 2
        while Self.isBase64(at(end)) { end += 1 }
        let dataCount = end - p - 2
        var padding = 0
        while at(end) == 0x3D, padding < 2 { end += 1; padding += 1 }
        guard at(end) == 0x27 else { return nil }
        let total = dataCount + padding
        guard total > 0, total % 4 == 0 else { return nil }
        return end + 1 - p
    }

    /// `t'YYYY-MM-DDTHH:MM:SS(.fraction)?Z'` with the grammar's digit ranges.
    func timestampLength(_ p: Int) -> Int? {
        guard at(p + 1) == 0x27 else { return nil }
        var i = p + 2
        func digit(_ range: ClosedRange<UInt32> = 0x30...0x39) -> Bool {
            guard range.contains(at(i)) else { return false }
            i += 1
            return true
        }
        func char(_ c: UInt32) -> Bool {
            guard at(i) == c else { return false }
            i += 1
            return true
        }
        func twoDigits(_ allowed: (UInt32, UInt32) -> Bool) -> Bool {
            guard Self.isDigit(at(i)), Self.isDigit(at(i + 1)), allowed(at(i) - 0x30, at(i + 1) - 0x30) else { return false }
            i += 2
            return true
        }
        guard digit(), digit(), digit(), digit(), char(0x2D),
              twoDigits({ ($0 == 0 && $1 >= 1) || ($0 == 1 && $1 <= 2) }), char(0x2D),
              twoDigits({ ($0 == 0 && $1 >= 1) || $0 == 1 || $0 == 2 || ($0 == 3 && $1 <= 1) }), char(0x54),
              twoDigits({ $0 <= 1 || ($0 == 2 && $1 <= 3) }), char(0x3A),
              twoDigits({ a, _ in a <= 5 }), char(0x3A),
              twoDigits({ a, b in a <= 5 || (a == 6 && b == 0) })
        else { return nil }
        if at(i) == 0x2E {
            i += 1
            guard digit() else { return nil }
            while digit() {}
        }
        guard char(0x5A), char(0x27) else { return nil }
        return i - p
    }
}
