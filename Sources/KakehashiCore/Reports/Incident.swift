import Foundation

/// An incident: its id, every submission made about it (immutable versions), and where they went.
///
/// The flow the server drives, all pure functions:
/// ```swift
/// let regimes = try RegimeCatalog.decode(from: configData)                 // config/regimes.json
/// let report = try ReportCoding.makeDecoder().decode(IncidentReport.self, from: body)
/// try SubmissionValidator.validate(report, kind: .initial, incident: incident, regimes: regimes)
/// var incident = incident.appending(report, kind: .initial, at: now)      // version n + 1
/// for route in SubmissionRoute.routes(for: report, kind: .initial, incident: incident, regimes: regimes) {
///     // send to route.recipients, e.g. ["jp-mlit", "jp-nisc"], then:
///     try incident.record(SubmissionDelivery(submissionVersion: incident.submissions.count, regimeID: route.regime.id, deliveredAt: sentAt))
/// }
/// let deadlines = DeadlineCalculator.deadlines(for: incident, regimes: regimes, now: now)
/// let bundle = try ShareableReport.make(from: incident, for: .isac).stixBundle()
/// ```
public struct Incident: Sendable, Codable, Hashable {
    /// The hub's id of the incident; STIX ids of its shared objects are derived from it.
    public let id: String
    /// Submissions in version order, oldest first.
    public private(set) var submissions: [Submission]
    /// Deliveries of submissions to regimes' authorities.
    public private(set) var deliveries: [SubmissionDelivery]

    /// Creates an incident with its history; throws ``IncidentHistoryError`` if versions are not 1, 2, 3…
    /// or a delivery names a version that does not exist or is a draft.
    public init(id: String, submissions: [Submission] = [], deliveries: [SubmissionDelivery] = []) throws {
        for (index, submission) in submissions.enumerated() where submission.version != index + 1 {
            throw IncidentHistoryError(incidentID: id, message: "submission at position \(index + 1) has version \(submission.version); versions must be 1, 2, 3… in order")
        }
        self.id = id
        self.submissions = submissions
        self.deliveries = []
        for delivery in deliveries { try record(delivery) }
    }

    /// The incident with one more submission, numbered after the last; earlier versions are untouched.
    public func appending(_ report: IncidentReport, kind: SubmissionKind, at time: Date) -> Incident {
        var copy = self
        copy.submissions.append(Submission(version: submissions.count + 1, kind: kind, submittedAt: time, report: report))
        return copy
    }

    /// Records that a submission reached a regime's authority.
    public mutating func record(_ delivery: SubmissionDelivery) throws {
        guard let submission = submission(version: delivery.submissionVersion) else {
            throw IncidentHistoryError(incidentID: id, message: "delivery to \(delivery.regimeID) names version \(delivery.submissionVersion), which does not exist")
        }
        guard submission.kind != .draft else {
            throw IncidentHistoryError(incidentID: id, message: "delivery to \(delivery.regimeID) names version \(delivery.submissionVersion), which is a draft; drafts are never delivered")
        }
        deliveries.append(delivery)
    }

    /// The submission with `version`, if any.
    public func submission(version: Int) -> Submission? {
        submissions.indices.contains(version - 1) ? submissions[version - 1] : nil
    }

    /// The latest report: the newest submission's content, drafts included, since it holds the newest facts.
    public var latestReport: IncidentReport? { submissions.last?.report }

    enum CodingKeys: String, CodingKey { case id, submissions, deliveries }

    /// Decodes an incident and checks its history.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: c.decode(String.self, forKey: .id),
            submissions: c.decodeIfPresent([Submission].self, forKey: .submissions) ?? [],
            deliveries: c.decodeIfPresent([SubmissionDelivery].self, forKey: .deliveries) ?? []
        )
    }
}

/// An incident's history that does not hang together.
public struct IncidentHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The incident.
    public var incidentID: String
    /// What is wrong.
    public var message: String

    public var description: String { "incident \(incidentID): \(message)" }
}
