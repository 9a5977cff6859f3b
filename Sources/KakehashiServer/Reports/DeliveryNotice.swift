import Foundation
import KakehashiCore
import KakehashiStorage

/// What a recipient organisation is told when a submission reaches it: a webhook event and an e-mail.
///
/// The webhook body names the incident, the version and the receipt, never the report's content:
/// the recipient reads that through the API, where the read is authorised and audited.
struct DeliveryNotice: Encodable {
    let event: String
    let incidentID: UUID
    let version: Int
    let kind: SubmissionKind
    let receiptID: UUID
    let authorities: [String]
    let regimes: [String]
    let reporterOrganisation: String
    let deliveredAt: Date
    /// Where to read the incident.
    let href: String
    /// Who is told (not part of the body).
    let recipientOrganisation: UUID

    static let eventName = "incident.delivered"

    init(_ delivery: DeliveryRecord, kind: SubmissionKind, reporter: Organisation) {
        event = Self.eventName
        incidentID = delivery.incidentID
        version = delivery.version
        self.kind = kind
        receiptID = delivery.id
        authorities = delivery.authorities
        regimes = delivery.regimes
        reporterOrganisation = reporter.nameEn
        deliveredAt = delivery.deliveredAt
        href = "/api/v1/incidents/\(delivery.incidentID.uuidString.lowercased())"
        recipientOrganisation = delivery.recipientOrganisation
    }

    /// The notification to queue for the delivery's recipient.
    func planned() throws -> PlannedNotification {
        let payload = String(decoding: try HubJSON.encoder.encode(self), as: UTF8.self)
        let id = incidentID.uuidString.lowercased()
        let receipt = receiptID.uuidString.lowercased()
        let subject = "[Kakehashi] インシデント報告を受信しました / Incident report received (\(kind.label.en), v\(version))"
        let body = """
            \(reporterOrganisation) からインシデント報告（\(kind.label.ja)、第\(version)版）が届きました。
            受付番号: \(receipt)
            宛先: \(authorities.joined(separator: ", "))（\(regimes.joined(separator: ", "))）

            An incident report (\(kind.label.en), version \(version)) from \(reporterOrganisation) has arrived.
            Receipt: \(receipt)
            Read it at \(href) and acknowledge it at \(href)/deliveries/\(receipt)/acknowledge.
            Incident: \(id)
            """
        return PlannedNotification(organisation: recipientOrganisation, event: event, payload: payload, emailSubject: subject, emailBody: body)
    }

    enum CodingKeys: String, CodingKey {
        case event, incidentID, version, kind, receiptID, authorities, regimes, reporterOrganisation, deliveredAt, href
    }
}
