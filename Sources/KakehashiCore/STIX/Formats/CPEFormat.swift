/// CPE 2.3 formatted strings: `cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other`.
enum CPEFormat {
    static func isValid(_ text: String) -> Bool {
        let components = split(text)
        guard components.count == 13, components[0] == "cpe", components[1] == "2.3" else { return false }
        guard ["a", "o", "h", "*", "-"].contains(components[2]) else { return false }
        for (index, component) in components.enumerated().dropFirst(3) {
            let valid = index == 8 ? isLanguage(component) : isAttribute(component)
            if !valid { return false }
        }
        return true
    }

    /// Splits on colons that are not escaped with a backslash.
    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == ":" {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static let quotable = Set("\\*?!\"#$%&'()+,/:;<=>@[]^`{|}~".unicodeScalars)

    /// `*`, `-`, or `?*` wildcards around `[a-zA-Z0-9-._]` and backslash-escaped punctuation.
    private static func isAttribute(_ text: String) -> Bool {
        if text == "*" || text == "-" { return true }
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first == "?" || first == "*" { scalars.removeFirst() }
        while let last = scalars.last, last == "?" || last == "*", !(scalars.count >= 2 && scalars[scalars.count - 2] == "\\") {
            scalars.removeLast()
        }
        guard !scalars.isEmpty else { return false }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count, quotable.contains(scalars[index + 1]) else { return false }
                index += 2
                continue
            }
            guard scalar.isASCII, SimpleFormats.isNameByte(UInt8(scalar.value)) || scalar == "." else { return false }
            index += 1
        }
        return true
    }

    /// `[a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?`, `*` or `-`.
    private static func isLanguage(_ text: String) -> Bool {
        if text == "*" || text == "-" { return true }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy(\.isLetter), primary.allSatisfy(\.isASCII) else {
            return false
        }
        if parts.count == 1 { return true }
        guard parts.count == 2 else { return false }
        let region = parts[1]
        return (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isLetter })
            || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
    }
}
