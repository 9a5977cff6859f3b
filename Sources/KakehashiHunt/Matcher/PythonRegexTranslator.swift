/// Maps a Python `re` pattern onto ICU regular-expression syntax, or reports (`nil`) a pattern
/// Python itself rejects, so `MATCHES` accepts and means the same as in the reference matcher:
/// - `(?P<name>…)` → `(?<name>…)`, `(?P=name)` → `\k<name>`, `\Z` → `\z`, `{,n}` → `{0,n}`;
/// - inside a character class `[` and `&` are literal (ICU would read nested sets);
/// - unknown letter escapes (`\e`, `\p`, `\z`, …) and global flags after the start are errors,
///   as in Python 3.11.
/// When every character is below U+0100 the reference also compiles the pattern as a bytes
/// regex, so `\N{…}`, `\u`, `\U` and the `u` flag are errors there too (`bytesCompatible`).
/// Remaining differences: the `a` (ASCII) flag is ignored, and `\d`, `\w` follow ICU's tables.
struct PythonRegexTranslator {
    private let input: [Unicode.Scalar]
    private var index = 0
    private var output = ""
    /// Where the leading run of `(?flags)` groups ends; Python allows global flags only there.
    private var leadingFlagsEnd = 0

    private let bytesCompatible: Bool

    init(_ input: [Unicode.Scalar]) {
        self.input = input
        bytesCompatible = input.allSatisfy { $0.value < 256 }
    }

    private static let escapesOutsideClass = Set("abBdDfnrstvwWxuUNAZ".unicodeScalars)
    private static let escapesInsideClass = Set("abdDfnrstvwWxuUN".unicodeScalars)

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < input.count ? input[index + offset] : nil
    }

    private func lookingAt(_ text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    private mutating func emit(_ text: String) { output += text }

    private mutating func emit(_ scalar: Unicode.Scalar) { output.unicodeScalars.append(scalar) }

    mutating func run() -> String? {
        while let scalar = peek() {
            if scalar == "\\" {
                guard escape(inClass: false) else { return nil }
            } else if scalar == "[" {
                guard characterClass() else { return nil }
            } else if lookingAt("(?P<") {
                emit("(?<")
                index += 4
            } else if lookingAt("(?P=") {
                guard let close = input[index...].firstIndex(of: ")") else { return nil }
                emit("\\k<" + String(String.UnicodeScalarView(input[(index + 4)..<close])) + ">")
                index = close + 1
            } else if lookingAt("(?"), let flags = globalFlags() {
                guard index == leadingFlagsEnd, !flags.contains("L"), !(bytesCompatible && flags.contains("u")) else { return nil }
                let kept = flags.unicodeScalars.filter { $0 != "a" && $0 != "u" }
                if !kept.isEmpty { emit("(?" + String(String.UnicodeScalarView(kept)) + ")") }
                index += flags.unicodeScalars.count + 3
                leadingFlagsEnd = index
            } else if lookingAt("{,") {
                emit("{0,")
                index += 2
            } else {
                emit(scalar)
                index += 1
            }
        }
        return output
    }

    /// The flag letters of a `(?flags)` group at `index`, if it is one.
    private func globalFlags() -> String? {
        var offset = 2
        var flags = String.UnicodeScalarView()
        while let scalar = peek(offset), "aiLmsux".unicodeScalars.contains(scalar) {
            flags.append(scalar)
            offset += 1
        }
        return !flags.isEmpty && peek(offset) == ")" ? String(flags) : nil
    }

    private mutating func escape(inClass: Bool) -> Bool {
        guard let next = peek(1) else { return false }
        index += 2
        if next.isASCII && next.properties.isAlphabetic {
            let allowed = inClass ? Self.escapesInsideClass : Self.escapesOutsideClass
            guard allowed.contains(next), !(bytesCompatible && "NuU".unicodeScalars.contains(next)) else { return false }
            emit(next == "Z" ? "\\z" : "\\" + String(next))
        } else {
            emit("\\")
            emit(next)
        }
        return true
    }

    private mutating func characterClass() -> Bool {
        emit("[")
        index += 1
        if peek() == "^" { emit("^"); index += 1 }
        if peek() == "]" { emit("\\]"); index += 1 }
        while let scalar = peek() {
            switch scalar {
            case "]":
                emit("]")
                index += 1
                return true
            case "\\":
                guard escape(inClass: true) else { return false }
            case "[", "&":
                emit("\\")
                emit(scalar)
                index += 1
            default:
                emit(scalar)
                index += 1
            }
        }
        return false
    }
}
