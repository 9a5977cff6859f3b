import Foundation

/// How a submission reached an authority.
public enum DeliveryChannel: String, Sendable, Codable, CaseIterable {
    case written
    /// By telephone or in person; some regimes (Australia's SOCI Act) then want a written record later.
    case oral
}

/// The record that a submission reached the authority of one regime.
public struct SubmissionDelivery: Sendable, Codable, Hashable {
    /// The submission's version.
    public var submissionVersion: Int
    /// The regime whose authority received it.
    public var regimeID: String
    /// The stage it fulfils; when `nil`, it fulfils the regime's stages of the submission's kind.
    public var stageID: String?
    /// When the authority received it (UTC instant).
    public var deliveredAt: Date
    /// How it was delivered.
    public var channel: DeliveryChannel

    /// Creates a delivery record.
    public init(submissionVersion: Int, regimeID: String, stageID: String? = nil, deliveredAt: Date, channel: DeliveryChannel = .written) {
        self.submissionVersion = submissionVersion
        self.regimeID = regimeID
        self.stageID = stageID
        self.deliveredAt = deliveredAt
        self.channel = channel
    }
}
