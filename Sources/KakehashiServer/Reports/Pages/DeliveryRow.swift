import Foundation
import KakehashiCore
import KakehashiStorage

/// A delivery as a row of the incident page and the inbox: recipient, regimes, time in the viewer's zone,
/// state with its receipt id, and for the recipient the acknowledge form's target.
struct DeliveryRow: Encodable, Sendable, Equatable {
    let receipt: String
    let incidentID: String
    let version: Int
    let recipient: String
    let authorities: String
    let regimes: String
    let deliveredAt: String
    let state: String
    let acknowledged: Bool
    let acknowledgedBy: FalseWhenAbsent<String>
    let acknowledgedAt: FalseWhenAbsent<String>
    /// Where the recipient's acknowledge form posts, while it may acknowledge.
    let acknowledgeAction: FalseWhenAbsent<String>

    init(_ delivery: DeliveryRecord, recipient: Organisation?, page: PageSession, canAcknowledge: Bool) {
        let lang: ReportLanguage = page.language == "en" ? .en : .ja
        let zone = page.principal.user.timeZone
        let incident = delivery.incidentID.uuidString.lowercased(), receipt = delivery.id.uuidString.lowercased()
        self.receipt = receipt
        incidentID = incident
        version = delivery.version
        self.recipient = recipient.map { lang == .ja ? $0.nameJa : $0.nameEn } ?? "-"
        authorities = delivery.authorities.joined(separator: ", ")
        regimes = delivery.regimes.joined(separator: ", ")
        deliveredAt = DeadlineDisplay.format(delivery.deliveredAt, timeZone: zone, language: lang)
        state = page.text["delivery_\(delivery.state.rawValue)"] ?? delivery.state.rawValue
        acknowledged = delivery.state == .acknowledged
        acknowledgedBy = delivery.acknowledgedBy.orFalse
        acknowledgedAt = delivery.acknowledgedAt.map { DeadlineDisplay.format($0, timeZone: zone, language: lang) }.orFalse
        acknowledgeAction = (canAcknowledge && delivery.state == .delivered && page.principal.allows(.report)
            ? "/inbox/\(incident)/deliveries/\(receipt)/acknowledge" : nil).orFalse
    }
}
