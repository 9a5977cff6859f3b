import Foundation

/// Whom a member may consult, and how soon the first answer is due.
public enum ConsultationAddressee: String, Sendable, Codable, CaseIterable {
    case nationalCenter = "national-center"
    case isac
    case regulator
    /// The organisation that produced the indicator or report the thread is about.
    case producer

    /// How long the addressee has for a first answer: a day for the national center, three for the others.
    public var firstAnswerWindow: TimeInterval {
        switch self {
        case .nationalCenter: 24 * 3600
        case .isac, .regulator, .producer: 72 * 3600
        }
    }

    /// Why `addressee` may be consulted by `opener`: the national center always; an ISAC or a regulator of
    /// one of the opener's sectors; anyone else only as the producer of the object the thread is about.
    /// - Parameter producer: the producer of the thread's object (nil for an incident or an unknown producer).
    /// - Throws: ``MemberValidationError`` on `addressee` saying whom the opener may ask instead.
    public static func resolve(opener: Organisation, addressee: Organisation, producer: UUID?) throws(MemberValidationError) -> ConsultationAddressee {
        guard opener.id != addressee.id else { throw MemberValidationError(field: "addressee", message: "an organisation cannot consult itself") }
        if addressee.id == producer { return addressee.kind == .nationalCenter ? .nationalCenter : .producer }
        let sharesSector = addressee.sectors.contains(where: opener.sectors.contains)
        switch addressee.kind {
        case .nationalCenter: return .nationalCenter
        case .isac where sharesSector: return .isac
        case .regulator where sharesSector: return .regulator
        default:
            throw MemberValidationError(field: "addressee", message: "\(addressee.nameEn) is not the national center, an ISAC or regulator of your sectors, nor the producer of the object; ask one of those")
        }
    }
}
