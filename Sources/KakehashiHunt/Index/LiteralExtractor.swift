/// Finds literal text that every match of a `LIKE` or `MATCHES` operand must contain.
public enum LiteralExtractor {
    /// The longest literal run of a LIKE pattern; `whole` when it has no wildcards at all.
    public static func like(_ pattern: String) -> (bytes: [UInt8], whole: Bool) {
        let bytes = Array(pattern.utf8)
        if !bytes.contains(UInt8(ascii: "%")) && !bytes.contains(UInt8(ascii: "_")) { return (bytes, true) }
        var best: ArraySlice<UInt8> = []
        for run in bytes.split(whereSeparator: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "_") }) where run.count > best.count {
            best = run
        }
        return (Array(best), false)
    }

    /// The longest literal that any match of `regex` must contain, or nil when none of at least two
    /// bytes can be found safely (top-level alternation and inline flags give up; groups are skipped).
    public static func regex(_ regex: String) -> [UInt8]? {
        let r = Array(regex.utf8)
        var best: [UInt8] = []
        var run: [UInt8] = []
        func cut() { if run.count > best.count { best = run }; run.removeAll() }
        var i = 0
        while i < r.count {
            let c = r[i]
            switch c {
            case UInt8(ascii: "\\"):
                guard i + 1 < r.count else { return nil }
                let e = r[i + 1]
                let isWordish = (e | 0x20) &- 97 < 26 || e &- 48 < 10
                if isWordish { cut() } else { run.append(e) }
                i += 2
                continue
            case UInt8(ascii: "["):
                cut()
                var j = i + 1
                if j < r.count && r[j] == UInt8(ascii: "^") { j += 1 }
                if j < r.count && r[j] == UInt8(ascii: "]") { j += 1 }
                while j < r.count && r[j] != UInt8(ascii: "]") { j += r[j] == UInt8(ascii: "\\") ? 2 : 1 }
                i = j + 1
                continue
            case UInt8(ascii: "("):
                if i + 1 < r.count && r[i + 1] == UInt8(ascii: "?") { return nil }
                cut()
                var depth = 0
                var j = i
                while j < r.count {
                    if r[j] == UInt8(ascii: "\\") { j += 2; continue }
                    if r[j] == UInt8(ascii: "(") { depth += 1 }
                    if r[j] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                i = j + 1
                continue
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{"):
                if !run.isEmpty { run.removeLast() }
                cut()
                if c == UInt8(ascii: "{") { while i < r.count && r[i] != UInt8(ascii: "}") { i += 1 } }
            case UInt8(ascii: "|"):
                // Top-level alternation: no literal is required by every branch.
                return nil
            case UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: ")"):
                cut()
            default:
                // A quantifier may follow; `?`/`*`/`{` above take the byte back out.
                run.append(c)
            }
            i += 1
        }
        cut()
        return best.count >= 2 ? best : nil
    }
}
