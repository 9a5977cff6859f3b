extension EventObservation {
    /// The observation as the pattern matcher takes it: one observed-data, seen once, at the
    /// event's time (microseconds), with the SCOs keyed as in an `objects` map.
    public var matcherObservation: Observation {
        let micros = Int64(((timestamp ?? 0) * 1_000_000).rounded())
        let entries = objects.keys.sorted().compactMap { key in objects[key].map { (key: key, object: $0) } }
        return Observation(firstObserved: micros, lastObserved: micros, count: 1, objects: entries)
    }
}
