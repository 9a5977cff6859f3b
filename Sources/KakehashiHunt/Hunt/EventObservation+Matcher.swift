extension EventObservation {
    /// The observation as the pattern matcher takes it: one observed-data, seen once, at the
    /// event's time (microseconds), with the SCOs keyed as in an `objects` map.
    public var matcherObservation: Observation {
        let micros = Int64(((timestamp ?? 0) * 1_000_000).rounded())
        let entries = objects.keys.sorted().compactMap { key in objects[key].map { (key: key, object: $0.jsonValue) } }
        return Observation(firstObserved: micros, lastObserved: micros, count: 1, objects: entries)
    }
}

extension HuntJSON {
    /// The same value as the matcher's `JSONValue`.
    var jsonValue: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .int(let n): .integer(n)
        case .double(let d): .number(d)
        case .bool(let b): .bool(b)
        case .array(let items): .array(items.map(\.jsonValue))
        case .object(let members): .object(members.mapValues(\.jsonValue))
        }
    }
}
