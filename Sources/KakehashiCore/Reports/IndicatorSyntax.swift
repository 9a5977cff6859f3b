import Foundation

/// Checks the textual form of indicator values without any lookup.
enum IndicatorSyntax {
    static func isValid(_ value: String, as type: IncidentIndicatorType) -> Bool {
        switch type {
        case .ipv4: isIPv4(value, allowPrefix: true)
        case .ipv6: isIPv6(value)
        case .domain: isDomain(value)
        case .url: isURL(value)
        case .sha256: isHex(value, length: 64)
        case .sha1: isHex(value, length: 40)
        case .md5: isHex(value, length: 32)
        case .email: isEmail(value)
        }
    }

    static func isHex(_ value: String, length: Int) -> Bool {
        value.utf8.count == length && value.allSatisfy(\.isHexDigit)
    }

    static func isIPv4(_ value: String, allowPrefix: Bool) -> Bool {
        var address = Substring(value)
        if allowPrefix, let slash = value.firstIndex(of: "/") {
            guard let prefix = Int(value[value.index(after: slash)...]), (0...32).contains(prefix) else { return false }
            address = value[..<slash]
        }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCII) && octet.allSatisfy(\.isNumber)
                && (Int(octet) ?? 256) <= 255
        }
    }

    static func isIPv6(_ value: String) -> Bool {
        var address = Substring(value)
        if let slash = value.firstIndex(of: "/") {
            guard let prefix = Int(value[value.index(after: slash)...]), (0...128).contains(prefix) else { return false }
            address = value[..<slash]
        }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (partIndex, part) in parts.enumerated() {
                let isLast = index == halves.count - 1 && partIndex == parts.count - 1
                if isLast && part.contains(".") {
                    guard isIPv4(String(part), allowPrefix: false) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }

    static func isDomain(_ value: String) -> Bool {
        let name = value.hasSuffix(".") ? String(value.dropLast()) : value
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, name.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        }
    }

    static func isURL(_ value: String) -> Bool {
        guard !value.contains(where: \.isWhitespace), let url = URL(string: value),
              let scheme = url.scheme, !scheme.isEmpty, let host = url.host, !host.isEmpty else { return false }
        return true
    }

    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(where: \.isWhitespace) else { return false }
        return isDomain(String(parts[1]))
    }
}
