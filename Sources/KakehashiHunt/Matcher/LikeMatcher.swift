/// `LIKE` as the reference matcher implements it: the operand becomes the Python regex
/// `^…$` with `%` → `.*` and `_` → `.`, applied with `re.match` to the NFC-normalised value.
/// So wildcards never match a newline, and a single trailing newline in the value is allowed.
struct LikeMatcher: Sendable {
    private enum Element: Sendable {
        case scalar(UInt32)
        case one
        case run
    }

    private let elements: [Element]
    /// Whether every operand character is below U+0100, which makes bytes values eligible.
    let acceptsBytes: Bool

    init(_ operand: String) {
        let normalized = UnicodeNormalization.nfc(operand)
        elements = normalized.unicodeScalars.map { scalar in
            switch scalar {
            case "%": .run
            case "_": .one
            default: .scalar(scalar.value)
            }
        }
        acceptsBytes = normalized.unicodeScalars.allSatisfy { $0.value < 256 }
    }

    func matches(_ value: String) -> Bool {
        let scalars = UnicodeNormalization.nfc(value).unicodeScalars.map(\.value)
        if matchesWhole(scalars[...]) { return true }
        if scalars.last == 0x0A { return matchesWhole(scalars.dropLast()) }
        return false
    }

    /// NFA simulation over pattern positions; linear in value length times pattern length.
    private func matchesWhole(_ value: ArraySlice<UInt32>) -> Bool {
        var states = closure([0])
        for c in value {
            var next: Set<Int> = []
            for state in states where state < elements.count {
                switch elements[state] {
                case .scalar(let expected) where expected == c: next.insert(state + 1)
                case .one where c != 0x0A: next.insert(state + 1)
                case .run where c != 0x0A: next.insert(state)
                default: break
                }
            }
            if next.isEmpty { return false }
            states = closure(next)
        }
        return states.contains(elements.count)
    }

    /// Adds the states reachable by letting `%` match nothing.
    private func closure(_ states: Set<Int>) -> Set<Int> {
        var result = states
        var pending = Array(states)
        while let state = pending.popLast() {
            if state < elements.count, case .run = elements[state], result.insert(state + 1).inserted {
                pending.append(state + 1)
            }
        }
        return result
    }
}
