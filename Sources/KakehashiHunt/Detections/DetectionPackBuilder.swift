/// Builds full packs and deltas from indicators. Pure: the caller reads the indicators and the clock.
public enum DetectionPackBuilder {
    /// The entries `indicator` becomes in `format`, or why it becomes none. Activity (revocation,
    /// expiry) is the caller's question, not this one's.
    public static func entries(of indicator: DetectionIndicator, format: DetectionFormat) -> Result<[DetectionEntry], Untranslatable> {
        let values: [PatternTranslator.Value]
        switch PatternTranslator.translate(indicator.pattern, patternType: indicator.patternType) {
        case .success(let translated): values = translated
        case .failure(let reason): return .failure(reason)
        }
        let entries = values.map {
            DetectionEntry(indicator: indicator.id, kind: $0.kind, value: $0.value, name: indicator.name, link: indicator.link, confidence: indicator.confidence)
        }
        for entry in entries {
            if let refusal = format.refusal(of: entry) { return .failure(Untranslatable(refusal)) }
        }
        return .success(entries)
    }

    /// A full pack: the entries of every indicator active at `cursor.asOf`, and the active ones that do not translate.
    public static func full(_ indicators: [DetectionIndicator], format: DetectionFormat, cursor: DetectionCursor) -> DetectionPack {
        var entries: [DetectionEntry] = []
        var untranslatable: [UntranslatableIndicator] = []
        for indicator in indicators where indicator.isActive(at: cursor.asOf) {
            switch Self.entries(of: indicator, format: format) {
            case .success(let more): entries += more
            case .failure(let reason): untranslatable.append(UntranslatableIndicator(indicator: indicator.id, reason: reason.reason))
            }
        }
        return DetectionPack(cursor: cursor, entries: entries.sorted(by: DetectionEntry.ordered), untranslatable: untranslatable.sorted { $0.indicator < $1.indicator })
    }

    /// What changed between the pack made at `since` and the one at `cursor`.
    ///
    /// - Parameters:
    ///   - current: the newest version of every indicator the reader may see now.
    ///   - changed: the ids among `current` with a version added after `since.dateAdded`.
    ///   - previous: for changed ids, the version that was newest at `since` (absent: the indicator is new).
    /// An entry is removed when its indicator was revoked, expired after `since.asOf`, or changed its
    /// pattern; it is added when it is new, or its indicator changed (so its name and link are fresh).
    public static func delta(current: [DetectionIndicator], changed: Set<String>, previous: [String: DetectionIndicator],
                             format: DetectionFormat, since: DetectionCursor, cursor: DetectionCursor) -> DetectionPack {
        var before: [String: DetectionEntry] = [:]
        var after: [String: DetectionEntry] = [:]
        var untranslatable: [UntranslatableIndicator] = []
        for indicator in current {
            let isChanged = changed.contains(indicator.id)
            let old = isChanged ? previous[indicator.id] : indicator
            if let old, old.isActive(at: since.asOf), case .success(let entries) = Self.entries(of: old, format: format) {
                for entry in entries { before[entry.key] = entry }
            }
            guard indicator.isActive(at: cursor.asOf) else { continue }
            switch Self.entries(of: indicator, format: format) {
            case .success(let entries):
                for entry in entries { after[entry.key] = entry }
            case .failure(let reason):
                if isChanged { untranslatable.append(UntranslatableIndicator(indicator: indicator.id, reason: reason.reason)) }
            }
        }
        let listed = Set(after.values.map(\.valueKey))
        let added = after.values.filter { before[$0.key] == nil || changed.contains($0.indicator) }
        let removed = before.values.filter { after[$0.key] == nil }.map { entry -> DetectionEntry in
            var entry = entry
            entry.stillListed = listed.contains(entry.valueKey)
            return entry
        }
        return DetectionPack(cursor: cursor, since: since, entries: added.sorted(by: DetectionEntry.ordered),
                             removed: removed.sorted(by: DetectionEntry.ordered), untranslatable: untranslatable.sorted { $0.indicator < $1.indicator })
    }
}
