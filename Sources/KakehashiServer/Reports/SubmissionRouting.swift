import Foundation
import KakehashiCore
import KakehashiStorage

/// Turns a submission's routes (regimes → authority ids) into one delivery per recipient organisation.
struct SubmissionRouting: Sendable {
    /// One organisation's share of a submission.
    struct Recipient: Sendable, Equatable {
        let organisation: UUID
        var authorities: [String]
        var regimes: [String]
    }

    /// Recipient organisations in the order the routes name them.
    let recipients: [Recipient]
    /// Authority ids (or unresolved roles) no organisation receives for.
    let unassigned: [String]
    /// Regimes that reached no organisation at all.
    let undeliveredRegimes: [String]

    /// Resolves `routes` through the authority map.
    init(routes: [SubmissionRoute], directory: [String: [UUID]]) {
        var recipients: [Recipient] = []
        var unassigned: [String] = []
        var undelivered: [String] = []
        for route in routes {
            var reached = false
            for authority in route.recipients {
                let organisations = directory[authority] ?? []
                if organisations.isEmpty, !unassigned.contains(authority) { unassigned.append(authority) }
                for organisation in organisations {
                    reached = true
                    if let index = recipients.firstIndex(where: { $0.organisation == organisation }) {
                        if !recipients[index].authorities.contains(authority) { recipients[index].authorities.append(authority) }
                        if !recipients[index].regimes.contains(route.regime.id) { recipients[index].regimes.append(route.regime.id) }
                    } else {
                        recipients.append(Recipient(organisation: organisation, authorities: [authority], regimes: [route.regime.id]))
                    }
                }
            }
            if !reached { undelivered.append(route.regime.id) }
        }
        self.recipients = recipients
        self.unassigned = unassigned
        self.undeliveredRegimes = undelivered
    }
}
