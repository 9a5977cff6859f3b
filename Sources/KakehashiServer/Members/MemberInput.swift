import Foundation
import KakehashiCore

/// Turns the text people and scripts type into member values, with errors that name the field.
/// Shared by the REST API, the pages and the command line.
public enum MemberInput {
    /// Builds an organisation from text fields.
    /// - Throws: ``MemberValidationError`` naming the first field at fault and what it accepts.
    public static func organisation(nameJa: String, nameEn: String, kind: String, sectors: [String], isacTier: String?) throws -> Organisation {
        let nameJa = nameJa.trimmingCharacters(in: .whitespacesAndNewlines)
        let nameEn = nameEn.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !nameJa.isEmpty else { throw MemberValidationError(field: "nameJa", message: "the Japanese name is required") }
        guard !nameEn.isEmpty else { throw MemberValidationError(field: "nameEn", message: "the English name is required") }
        guard let kind = Organisation.Kind(rawValue: kind) else {
            throw MemberValidationError(field: "kind", message: "unknown kind '\(kind)'; expected one of \(Organisation.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var parsedSectors: [Sector] = []
        for name in sectors where !name.isEmpty {
            guard let sector = Sector(rawValue: name) else {
                throw MemberValidationError(field: "sectors", message: "unknown sector '\(name)'; expected one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !parsedSectors.contains(sector) { parsedSectors.append(sector) }
        }
        var tier: Organisation.ISACTier?
        if let isacTier, !isacTier.isEmpty {
            guard let value = Organisation.ISACTier(rawValue: isacTier) else {
                throw MemberValidationError(field: "isacTier", message: "unknown ISAC tier '\(isacTier)'; expected regular, supporting or observer")
            }
            tier = value
        }
        return Organisation(nameJa: nameJa, nameEn: nameEn, kind: kind, sectors: parsedSectors, isacTier: tier)
    }

    /// Checks a username: 3–64 characters of letters, digits, `.`, `_`, `-`.
    public static func username(_ text: String) throws -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard (3...64).contains(text.count), text.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else {
            throw MemberValidationError(field: "username", message: "a username has 3 to 64 ASCII letters, digits, '.', '_' or '-'")
        }
        return text
    }

    /// Parses a role name.
    public static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw MemberValidationError(field: "role", message: "unknown role '\(text)'; expected one of admin, analyst, reporter, viewer")
        }
        return role
    }

    /// Checks a locale: `ja` or `en`.
    public static func locale(_ text: String) throws -> String {
        guard ["ja", "en"].contains(text) else {
            throw MemberValidationError(field: "locale", message: "unknown language '\(text)'; expected ja or en")
        }
        return text
    }

    /// Checks an IANA time-zone name.
    public static func timeZone(_ text: String) throws -> String {
        guard TimeZone(identifier: text) != nil else {
            throw MemberValidationError(field: "timeZone", message: "unknown time zone '\(text)'; use an IANA name such as Asia/Tokyo")
        }
        return text
    }
}
