import Foundation
import KakehashiCore
import KakehashiStorage

/// What the other party of a consultation is told when a thread opens or gets a reply, and what a producer is
/// told of a new opinion: a webhook event and an e-mail. Like ``DeliveryNotice`` they name the thread and where
/// to read it, never its words: those are read through the hub, where the read is authorised and audited.
struct ConsultationNotice: Encodable {
    static let opened = "consultation.opened"
    static let replied = "consultation.replied"

    let event: String
    let consultationID: UUID
    let fromOrganisation: String
    let tlp: TLPLevel
    let firstAnswerDue: Date
    let href: String
    /// Who is told (not part of the body).
    let recipient: UUID

    init(event: String, consultation: Consultation, from sender: Organisation, to recipient: UUID) {
        self.event = event
        consultationID = consultation.id
        fromOrganisation = sender.nameEn
        tlp = consultation.tlp
        firstAnswerDue = consultation.firstAnswerDue
        href = "/consultations/\(consultation.id.idText)"
        self.recipient = recipient
    }

    func planned() throws -> PlannedNotification {
        let payload = String(decoding: try HubJSON.encoder.encode(self), as: UTF8.self)
        let due = MicrosTimestamp.format(firstAnswerDue.micros, fractionDigits: 3)
        let (subject, body): (String, String)
        if event == Self.opened {
            subject = "[Kakehashi] 相談が届きました / A consultation has arrived (\(tlp.displayName))"
            body = """
                \(fromOrganisation) から相談が届きました。最初の回答期限: \(due)
                A consultation from \(fromOrganisation) has arrived. The first answer is due by \(due).
                Read it at \(href)
                """
        } else {
            subject = "[Kakehashi] 相談に返信がありました / A consultation has a reply (\(tlp.displayName))"
            body = """
                \(fromOrganisation) が相談に返信しました。
                \(fromOrganisation) replied to a consultation.
                Read it at \(href)
                """
        }
        return PlannedNotification(organisation: recipient, event: event, payload: payload, emailSubject: subject, emailBody: body)
    }

    enum CodingKeys: String, CodingKey {
        case event, consultationID, fromOrganisation, tlp, firstAnswerDue, href
    }
}

/// What a producer is told when a member gives an opinion of one of its objects.
struct OpinionNotice: Encodable {
    static let received = "opinion.received"

    let event: String
    let objectID: String
    let verdict: OpinionVerdict
    let href: String
    let recipient: UUID

    init(_ opinion: Opinion, producer: UUID) {
        event = Self.received
        objectID = opinion.objectID
        verdict = opinion.verdict
        href = "/api/v1/collections/\(opinion.collectionID.idText)/objects/\(opinion.objectID)/opinions"
        recipient = producer
    }

    func planned() throws -> PlannedNotification {
        let payload = String(decoding: try HubJSON.encoder.encode(self), as: UTF8.self)
        let body = """
            共有した \(objectID) に意見が寄せられました（\(verdict.rawValue)）。
            A member gave an opinion (\(verdict.rawValue)) of \(objectID), which you shared.
            Read it at \(href)
            """
        return PlannedNotification(organisation: recipient, event: event, payload: payload,
                                   emailSubject: "[Kakehashi] 共有した情報への意見 / An opinion of what you shared", emailBody: body)
    }

    enum CodingKeys: String, CodingKey {
        case event, objectID, verdict, href
    }
}
