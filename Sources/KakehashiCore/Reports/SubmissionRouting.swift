import Foundation

/// Turns a submission's routes (regimes → authority ids) into one delivery per recipient organisation.
///
/// Pure: the caller passes in which organisations receive for each authority id (the hub's authority map),
/// so the rules can be tested without storage.
/// ```swift
/// let routes = SubmissionRoute.routes(for: report, kind: .initial, regimes: regimes)
/// let routing = SubmissionRouting(routes: routes, directory: ["jp-nisc": [nisc]])
/// ```
public struct SubmissionRouting: Sendable, Equatable {
    /// One organisation's share of a submission.
    public struct Recipient: Sendable, Equatable {
        /// The receiving organisation's id.
        public let organisation: UUID
        /// The authority ids it receives for, in the order the routes name them.
        public var authorities: [String]
        /// The regimes under which it receives, in the order the routes name them.
        public var regimes: [String]

        /// Creates a recipient.
        public init(organisation: UUID, authorities: [String], regimes: [String]) {
            self.organisation = organisation
            self.authorities = authorities
            self.regimes = regimes
        }
    }

    /// Recipient organisations in the order the routes name them.
    public let recipients: [Recipient]
    /// Authority ids (or unresolved roles) no organisation receives for.
    public let unassigned: [String]
    /// Regimes that reached no organisation at all.
    public let undeliveredRegimes: [String]

    /// Resolves `routes` through the authority map.
    /// - Parameters:
    ///   - routes: the submission's routes, from ``SubmissionRoute/routes(for:kind:incident:regimes:)``.
    ///   - directory: for each authority id, the organisations that receive for it (none: unassigned).
    public init(routes: [SubmissionRoute], directory: [String: [UUID]]) {
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
