import Foundation

/// Which step in an incident's reporting a submission is.
public enum SubmissionKind: String, Sendable, Codable, CaseIterable {
    /// Work in progress; never refused, never delivered.
    case draft
    /// The first report to the authorities.
    case initial
    /// A later report with new facts (e.g. NIS2's incident notification after an early warning).
    case update
    /// The closing report.
    case final
}

/// One version of an incident's report, kept as it was submitted and never changed.
public struct Submission: Sendable, Codable, Hashable {
    /// The version number, 1 for the first submission of an incident.
    public let version: Int
    /// Which step this is.
    public let kind: SubmissionKind
    /// When it was submitted to the hub (UTC instant).
    public let submittedAt: Date
    /// What was reported.
    public let report: IncidentReport

    /// Creates a submission; ``Incident/appending(_:kind:at:)`` numbers versions for you.
    public init(version: Int, kind: SubmissionKind, submittedAt: Date, report: IncidentReport) {
        self.version = version
        self.kind = kind
        self.submittedAt = submittedAt
        self.report = report
    }
}
