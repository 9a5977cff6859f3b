/// Binding and unbinding of the CPE 2.3 formatted string (NISTIR 7695 §6.2).
enum CPEFormattedString {
    static func unbind(_ formatted: String) throws(CPEError) -> CPEName {
        let components = splitOnUnescapedColons(formatted)
        guard components.count >= 2, components[0] == "cpe", components[1] == "2.3" else {
            throw CPEError(name: formatted, attribute: nil, rule: "must start with \"cpe:2.3:\"")
        }
        guard components.count == 13 else {
            throw CPEError(
                name: formatted, attribute: nil,
                rule: "must have 11 attributes after \"cpe:2.3:\" separated by unescaped \":\", found \(components.count - 2)")
        }
        var values: [CPEValue] = []
        for (index, component) in components.dropFirst(2).enumerated() {
            let attribute = CPEName.attributeNames[index]
            let value = try unbindValue(component, attribute: attribute, name: formatted)
            if attribute == "part" {
                if case .string(let text) = value, !["a", "o", "h"].contains(text.text) {
                    throw CPEError(name: formatted, attribute: attribute, rule: "must be \"a\", \"o\", \"h\" or \"*\", found \"\(component)\"")
                }
                if value == .na {
                    throw CPEError(name: formatted, attribute: attribute, rule: "may not be NA (\"-\")")
                }
            }
            values.append(value)
        }
        return CPEName(values: values)
    }

    static func splitOnUnescapedColons(_ text: String) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex, index = text.startIndex, escaped = false
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start..<text.endIndex])
        return parts
    }

    static func unbindValue(_ raw: Substring, attribute: String, name: String) throws(CPEError) -> CPEValue {
        func fail(_ rule: String) -> CPEError { CPEError(name: name, attribute: attribute, rule: rule) }
        if raw == "*" { return .any }
        if raw == "-" { return .na }
        guard !raw.isEmpty else { throw fail("is empty; use \"*\" for ANY or \"-\" for NA") }
        let characters = Array(raw)
        var tokens: [CPEString.Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard index + 1 < characters.count else { throw fail("ends with a lone escape \"\\\"") }
                let quoted = characters[index + 1]
                guard quoted.isASCII, !quoted.isLetter, !quoted.isNumber, quoted != " " else {
                    throw fail("\"\\\(quoted)\" escapes a character that is not punctuation")
                }
                tokens.append(.literal(quoted))
                index += 1
            case "*":
                guard index == 0 || index == characters.count - 1 else {
                    throw fail("unquoted \"*\" is allowed only at the start or end of a value")
                }
                guard tokens.last != .anySequence else { throw fail("\"**\" is not allowed") }
                tokens.append(.anySequence)
            case "?":
                let leading = tokens.allSatisfy { $0 == .oneCharacter }
                let trailing = characters[index...].allSatisfy { $0 == "?" }
                guard leading || trailing else {
                    throw fail("unquoted \"?\" is allowed only in a run at the start or end of a value")
                }
                tokens.append(.oneCharacter)
            default:
                guard character.isASCII, !character.isWhitespace, character.asciiValue.map({ $0 >= 0x21 && $0 < 0x7F }) == true else {
                    throw fail("character \"\(character)\" is not allowed (printable ASCII only, no spaces)")
                }
                tokens.append(.literal(character))
            }
            index += 1
        }
        if tokens.count == 1, tokens[0] == .anySequence { return .any }
        return .string(CPEString(tokens: tokens))
    }

    static func bind(_ name: CPEName) -> String {
        "cpe:2.3:" + name.values.map(bindValue).joined(separator: ":")
    }

    static func bindValue(_ value: CPEValue) -> String {
        switch value {
        case .any: return "*"
        case .na: return "-"
        case .string(let string):
            if string.tokens == [.literal("-")] { return "\\-" }
            var out = ""
            for token in string.tokens {
                switch token {
                case .anySequence: out += "*"
                case .oneCharacter: out += "?"
                case .literal(let character):
                    if character.isLetter || character.isNumber || character == "_" || character == "." || character == "-" {
                        out.append(character)
                    } else {
                        out += "\\" + String(character)
                    }
                }
            }
            return out
        }
    }
}
