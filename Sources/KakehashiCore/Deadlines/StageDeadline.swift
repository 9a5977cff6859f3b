import Foundation

/// Where one stage of one regime stands for an incident at a given moment.
public struct StageDeadline: Sendable, Hashable {
    /// The regime.
    public let regime: Regime
    /// The stage.
    public let stage: RegimeStage
    /// When the stage's clock started, if it has.
    public let anchoredAt: Date?
    /// When the stage is due (UTC instant), if its clock has started.
    public let dueAt: Date?
    /// Whether ``dueAt`` rests on a placeholder period because the law awaits an ordinance.
    public var isProvisional: Bool { stage.pendingOrdinance }
    /// The state at the moment asked about.
    public let state: DeadlineState

    /// Creates a deadline (normally computed by ``DeadlineCalculator``).
    public init(regime: Regime, stage: RegimeStage, anchoredAt: Date?, dueAt: Date?, state: DeadlineState) {
        self.regime = regime
        self.stage = stage
        self.anchoredAt = anchoredAt
        self.dueAt = dueAt
        self.state = state
    }
}

/// The state of a stage's deadline.
public enum DeadlineState: Sendable, Hashable {
    /// A submission fulfilling the stage reached the regime's authority at `deliveredAt`;
    /// `onTime` is `false` when that was after the deadline.
    case done(deliveredAt: Date, onTime: Bool)
    /// Not yet delivered; `remaining` seconds are left.
    case due(remaining: TimeInterval)
    /// Not yet delivered; the deadline passed `by` seconds ago.
    case overdue(by: TimeInterval)
    /// The event that starts the clock has not happened or is not known yet (e.g. no ransom paid).
    case notAnchored(StageAnchor)
    /// The stage's condition does not hold (e.g. the notification was written, so no written record is needed).
    case notRequired(StageCondition)
}
