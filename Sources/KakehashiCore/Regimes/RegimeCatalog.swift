import Foundation

/// The set of regimes the hub knows, checked so that every anchor, field and stage reference resolves.
public struct RegimeCatalog: Sendable, Hashable {
    /// The regimes, in configuration order.
    public let regimes: [Regime]
    /// Recipient roles resolved by the reporter's sector: role → sector → authority id, with `*` for
    /// any other sector, e.g. `sector-ministry` → `railway` → `jp-mlit`.
    public let roles: [String: [String: String]]

    /// Creates a catalogue; throws ``RegimeConfigurationError`` on duplicate ids, unknown time zones,
    /// stages without a resolvable anchor stage, or non-positive periods.
    public init(regimes: [Regime], roles: [String: [String: String]] = [:]) throws {
        var seen = Set<String>()
        for regime in regimes {
            guard seen.insert(regime.id).inserted else {
                throw RegimeConfigurationError(regime: regime.id, message: "the id is used by more than one regime")
            }
            try Self.check(regime)
        }
        for regime in regimes {
            for other in regime.appliesWhen.unlessRegimeApplies where !seen.contains(other) || other == regime.id {
                throw RegimeConfigurationError(regime: regime.id, message: "appliesWhen.unlessRegimeApplies names '\(other)', which is not another regime")
            }
        }
        self.regimes = regimes
        self.roles = roles
    }

    /// The regime with `id`, if any.
    public func regime(_ id: String) -> Regime? { regimes.first { $0.id == id } }

    /// Decodes and checks a catalogue from the JSON of `config/regimes.json`.
    ///
    /// Errors name the regime and stage: `regimes configuration, regime 'eu-nis2', stage 'final-report':
    /// unknown anchor 'notified' (expected one of became-aware, detected, ransom-paid, previous-stage-submitted)`.
    public static func decode(from data: Data) throws -> RegimeCatalog {
        let raw: RawRegimeCatalog
        do {
            raw = try JSONDecoder().decode(RawRegimeCatalog.self, from: data)
        } catch let error as DecodingError {
            throw RegimeConfigurationError.from(error, data: data)
        }
        if !raw.unknown.isEmpty {
            throw RegimeConfigurationError(message: "unknown top-level key(s) \(raw.unknown.joined(separator: ", ")) (expected regimes and roles)")
        }
        return try RegimeCatalog(regimes: raw.regimesChecked(), roles: raw.roles)
    }

    private static func check(_ regime: Regime) throws {
        guard TimeZone(identifier: regime.timeZone) != nil else {
            throw RegimeConfigurationError(regime: regime.id, message: "timeZone '\(regime.timeZone)' is not an IANA time zone id")
        }
        guard !regime.authorities.isEmpty else {
            throw RegimeConfigurationError(regime: regime.id, message: "authorities is empty; name at least one recipient role or authority id")
        }
        guard !regime.stages.isEmpty else {
            throw RegimeConfigurationError(regime: regime.id, message: "has no stages")
        }
        var stageIDs = Set<String>()
        for (index, stage) in regime.stages.enumerated() {
            guard stageIDs.insert(stage.id).inserted else {
                throw RegimeConfigurationError(regime: regime.id, stage: stage.id, message: "the stage id is used twice")
            }
            switch stage.period {
            case .hours(let n) where n <= 0, .calendarMonths(let n) where n <= 0:
                throw RegimeConfigurationError(regime: regime.id, stage: stage.id, message: "the period must be positive")
            case .hours(let n) where n > 87_600, .calendarMonths(let n) where n > 120:
                throw RegimeConfigurationError(regime: regime.id, stage: stage.id, message: "the period \(n) is longer than ten years; is the unit right?")
            default: break
            }
            if stage.anchor == .previousStageSubmitted || stage.condition == .previousStageOral {
                let target = stage.anchorStage ?? (index > 0 ? regime.stages[index - 1].id : nil)
                guard let target, regime.stages[..<index].contains(where: { $0.id == target }) else {
                    throw RegimeConfigurationError(regime: regime.id, stage: stage.id, message: "anchor previous-stage-submitted needs an earlier stage of the same regime (anchorStage '\(stage.anchorStage ?? "")' not found)")
                }
            }
        }
    }
}

extension RegimeStage {
    /// The id of the stage whose delivery anchors this one, resolved against `regime`.
    public func resolvedAnchorStage(in regime: Regime) -> String? {
        if let anchorStage { return anchorStage }
        guard let index = regime.stages.firstIndex(where: { $0.id == id }), index > 0 else { return nil }
        return regime.stages[index - 1].id
    }
}
