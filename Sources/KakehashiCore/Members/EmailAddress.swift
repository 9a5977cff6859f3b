/// An e-mail address the hub may write to: `local@domain`, ASCII only (the hub does not ask servers for
/// SMTPUTF8), nothing that could break out of a header or an SMTP command.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The address as given, with surrounding white space removed and the domain in lower case.
    public let value: String

    /// The most addresses one organisation may be notified at.
    public static let maximumPerOrganisation = 20

    /// Checks `text` and keeps it.
    /// - Throws: ``MemberValidationError`` naming `field` and the address when it is not acceptable.
    public init(_ text: String, field: String = "address") throws {
        let trimmed = text.trimmingWhitespace
        func reject(_ why: String) -> MemberValidationError {
            MemberValidationError(field: field, message: "'\(text)' is not an acceptable e-mail address: \(why)")
        }
        guard !trimmed.isEmpty else { throw reject("it is empty") }
        guard trimmed.utf8.count <= 254 else { throw reject("it is longer than 254 characters") }
        guard trimmed.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
            throw reject("only ASCII letters, digits and punctuation are allowed, without spaces")
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw reject("it needs exactly one @") }
        let local = parts[0], domain = parts[1].lowercased()
        guard (1...64).contains(local.utf8.count) else { throw reject("the part before @ must have 1 to 64 characters") }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        guard local.allSatisfy(localAllowed.contains), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw reject("the part before @ may hold letters, digits and !#$%&'*+-/=?^_`{|}~ with single dots between them")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw reject("the domain needs at least one dot") }
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for label in labels {
            guard (1...63).contains(label.count), label.allSatisfy(labelAllowed.contains), !label.hasPrefix("-"), !label.hasSuffix("-") else {
                throw reject("the domain '\(domain)' is not a host name")
            }
        }
        value = "\(local)@\(domain)"
    }

    /// Checks every address of a list, drops repeats, and keeps the order.
    /// - Throws: ``MemberValidationError`` naming the first bad address and its position, e.g. `addresses[1]`.
    public static func list(_ texts: [String], field: String = "addresses") throws -> [EmailAddress] {
        var seen = Set<EmailAddress>()
        var addresses: [EmailAddress] = []
        for (index, text) in texts.enumerated() {
            let address = try EmailAddress(text, field: "\(field)[\(index)]")
            if seen.insert(address).inserted { addresses.append(address) }
        }
        guard addresses.count <= maximumPerOrganisation else {
            throw MemberValidationError(field: field, message: "at most \(maximumPerOrganisation) addresses are allowed, \(addresses.count) were given")
        }
        return addresses
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
