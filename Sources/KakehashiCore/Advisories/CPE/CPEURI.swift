/// Unbinding of the CPE 2.2 URI form (`cpe:/a:vendor:product:version`) that CSAF also allows
/// (NISTIR 7695 §6.1.3).
enum CPEURI {
    static func unbind(_ uri: String) throws(CPEError) -> CPEName {
        guard uri.lowercased().hasPrefix("cpe:/") else {
            throw CPEError(name: uri, attribute: nil, rule: "must start with \"cpe:/\"")
        }
        let components = uri.dropFirst(5).split(separator: ":", omittingEmptySubsequences: false)
        guard components.count <= 7 else {
            throw CPEError(name: uri, attribute: nil, rule: "has \(components.count) components, at most 7 are allowed")
        }
        var values: [CPEValue] = []
        let names = ["part", "vendor", "product", "version", "update", "edition", "language"]
        for (index, component) in components.enumerated() {
            if index == 5, component.hasPrefix("~") {
                let packed = component.split(separator: "~", omittingEmptySubsequences: false).dropFirst()
                guard packed.count == 5 else {
                    throw CPEError(name: uri, attribute: "edition", rule: "packed edition must have 5 parts separated by \"~\"")
                }
                let unpacked = try packed.map { part throws(CPEError) in try decode(part, attribute: "edition", uri: uri) }
                values.append(unpacked[0])
                values.append(.any)  // language comes from the 7th component
                values.append(contentsOf: unpacked[1...])
                continue
            }
            let value = try decode(component, attribute: names[index], uri: uri)
            if index == 6, values.count > 6 {
                values[6] = value
            } else {
                values.append(value)
            }
        }
        if case .string(let part) = values.first ?? .any, !["a", "o", "h"].contains(part.text) {
            throw CPEError(name: uri, attribute: "part", rule: "must be \"a\", \"o\" or \"h\"")
        }
        return CPEName(values: values)
    }

    private static func decode(_ component: Substring, attribute: String, uri: String) throws(CPEError) -> CPEValue {
        if component.isEmpty { return .any }
        if component == "-" { return .na }
        var tokens: [CPEString.Token] = []
        var index = component.startIndex
        while index < component.endIndex {
            let character = component[index]
            if character == "%" {
                let end = component.index(index, offsetBy: 3, limitedBy: component.endIndex) ?? component.endIndex
                let hex = component[component.index(after: index)..<end]
                guard hex.count == 2, let byte = UInt8(hex, radix: 16) else {
                    throw CPEError(name: uri, attribute: attribute, rule: "bad percent-encoding \"%\(hex)\"")
                }
                switch byte {
                case 0x01: tokens.append(.oneCharacter)
                case 0x02: tokens.append(.anySequence)
                default: tokens.append(.literal(Character(Unicode.Scalar(byte))))
                }
                index = end
                continue
            }
            guard character.isASCII, !character.isWhitespace else {
                throw CPEError(name: uri, attribute: attribute, rule: "character \"\(character)\" is not allowed")
            }
            tokens.append(.literal(Character(character.lowercased())))
            index = component.index(after: index)
        }
        return .string(CPEString(tokens: tokens))
    }
}

extension CPEName {
    /// Parses either binding: the 2.3 formatted string (`cpe:2.3:…`) or the 2.2 URI (`cpe:/…`).
    public init(parsing text: String) throws(CPEError) {
        if text.lowercased().hasPrefix("cpe:/") {
            self = try CPEURI.unbind(text)
        } else {
            self = try CPEFormattedString.unbind(text)
        }
    }
}
