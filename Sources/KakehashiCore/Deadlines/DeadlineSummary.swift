import Foundation

/// A deadline flattened for an API response or a page: ids, names, instants and the state as plain values.
public struct DeadlineSummary: Sendable, Codable, Hashable {
    /// `done`, `due`, `overdue`, `not-anchored` or `not-required`.
    public var state: String
    /// The regime's id and name.
    public var regimeID: String, regimeName: BilingualText
    /// The stage's id and name.
    public var stageID: String, stageName: BilingualText
    /// Who receives it (roles or authority ids).
    public var authorities: [String]
    /// When the clock started and when the stage is due (UTC instants).
    public var anchoredAt: Date?, dueAt: Date?
    /// When it was delivered, for `done`; whether that was in time.
    public var deliveredAt: Date?, onTime: Bool?
    /// Seconds left (`due`) or past the deadline (`overdue`).
    public var remainingSeconds: Double?, overdueSeconds: Double?
    /// The anchor awaited (`not-anchored`), e.g. `ransom-paid`.
    public var awaiting: String?
    /// Whether the period is a placeholder pending an ordinance.
    public var provisional: Bool
    /// The state described for people, in Japanese and English, with times in the zone asked for.
    public var text: BilingualText
}

extension StageDeadline {
    /// The deadline flattened, with its description using times in `timeZone` (e.g. the reporter's).
    public func summary(timeZone: String) -> DeadlineSummary {
        var summary = DeadlineSummary(
            state: "", regimeID: regime.id, regimeName: regime.name, stageID: stage.id, stageName: stage.name,
            authorities: regime.authorities, anchoredAt: anchoredAt, dueAt: dueAt, provisional: isProvisional,
            text: BilingualText(
                ja: DeadlineDisplay.describe(self, timeZone: timeZone, language: .ja),
                en: DeadlineDisplay.describe(self, timeZone: timeZone, language: .en)
            )
        )
        switch state {
        case .done(let at, let onTime):
            summary.state = "done"; summary.deliveredAt = at; summary.onTime = onTime
        case .due(let left):
            summary.state = "due"; summary.remainingSeconds = left
        case .overdue(let by):
            summary.state = "overdue"; summary.overdueSeconds = by
        case .notAnchored(let anchor):
            summary.state = "not-anchored"; summary.awaiting = anchor.rawValue
        case .notRequired:
            summary.state = "not-required"
        }
        return summary
    }
}
