/// A detection pack: what a sensor should hold (or, for a delta, what changed since a cursor), and
/// the indicators left out with the reason. It is what `format=report` sends and what every writer renders.
public struct DetectionPack: Sendable, Hashable, Codable {
    /// The cursor to ask the next delta with.
    public var cursor: DetectionCursor
    /// The cursor this delta starts from; `nil` for a full pack.
    public var since: DetectionCursor?
    /// A full pack: every entry. A delta: entries new or changed since `since`.
    public var entries: [DetectionEntry]
    /// A delta's entries to take away (always empty in a full pack).
    public var removed: [DetectionEntry]
    /// Indicators that are not in the pack and why (in a delta: those changed since `since`).
    public var untranslatable: [UntranslatableIndicator]
    /// Entries left out because an allowlist covers them (absent when none were).
    public var allowlisted: [DetectionEntry]?

    public init(cursor: DetectionCursor, since: DetectionCursor? = nil, entries: [DetectionEntry], removed: [DetectionEntry] = [],
                untranslatable: [UntranslatableIndicator] = []) {
        self.cursor = cursor
        self.since = since
        self.entries = entries
        self.removed = removed
        self.untranslatable = untranslatable
    }

    /// The pack without the entries `allowlist` covers: they move to ``allowlisted`` (and leave a
    /// delta's removals, since no pack held them).
    public func leavingOut(_ allowlist: DetectionAllowlist) -> DetectionPack {
        guard !allowlist.isEmpty else { return self }
        var pack = self
        let covered = entries.filter { allowlist.covers($0) }
        guard !covered.isEmpty || removed.contains(where: { allowlist.covers($0) }) else { return self }
        pack.entries.removeAll { allowlist.covers($0) }
        pack.removed.removeAll { allowlist.covers($0) }
        pack.allowlisted = (allowlisted ?? []) + covered
        return pack
    }

    /// Whether this is a delta.
    public var isDelta: Bool { since != nil }

    /// Sets the SID of every entry a Suricata rule can carry, from `sids` (``DetectionEntry/key`` to SID),
    /// and moves the indicators of those left without one (their range is full) to the untranslatable list.
    public func assigning(sids: [String: Int64]) -> DetectionPack {
        var pack = self
        var refused = Set<String>()
        pack.entries = entries.compactMap { entry in
            var entry = entry
            guard DetectionFormat.suricata.refusal(of: entry.kind) == nil else { return entry }
            guard let sid = sids[entry.key] else { refused.insert(entry.indicator); return nil }
            entry.sid = sid
            return entry
        }
        pack.removed = removed.map { entry in
            var entry = entry
            entry.sid = sids[entry.key]
            return entry
        }
        // An indicator with one value refused is refused whole: a pack holds only exact translations.
        pack.entries.removeAll { refused.contains($0.indicator) }
        pack.untranslatable += refused.sorted().map { UntranslatableIndicator(indicator: $0, reason: "the SID range is full: no SID left for a new rule") }
        return pack
    }

    /// The pack as `format` can carry it: an indicator with an entry the format refuses leaves whole
    /// and is listed with the reason (a pack holds only exact translations). How a puller that fetched
    /// a `report` makes each of its files.
    public func restricted(to format: DetectionFormat) -> DetectionPack {
        var pack = self
        var refused: [String: String] = [:]
        for entry in entries where refused[entry.indicator] == nil {
            if let reason = format.refusal(of: entry) { refused[entry.indicator] = reason }
        }
        pack.entries.removeAll { refused[$0.indicator] != nil }
        pack.removed.removeAll { format.refusal(of: $0) != nil }
        pack.untranslatable += refused.keys.sorted().map { UntranslatableIndicator(indicator: $0, reason: refused[$0]!) }
        return pack
    }
}
