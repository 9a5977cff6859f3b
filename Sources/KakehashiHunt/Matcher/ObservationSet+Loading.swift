import KakehashiPrimitives

extension ObservationSet {
    /// Loads STIX 2.1 content the way `stix2matcher` does with `stix_version='2.1'`.
    ///
    /// `containers` are bundles (or any objects with an `objects` array); their objects are
    /// pooled. Every `observed-data` object becomes one observation whose objects are the SCOs
    /// named by its `object_refs` (unresolvable refs are skipped); the observed-data object itself
    /// is also a reference target. SCOs may live in any of the containers.
    /// - Throws: ``MatcherError`` if the content is malformed (no `objects`, a missing `id`,
    ///   `type`, `object_refs`, `first_observed`, … or a bad timestamp or count).
    public init(stix21 containers: [JSONValue]) throws(MatcherError) {
        var pooled: [JSONValue] = []
        var sawObjects = false
        for container in containers {
            guard case .object(let members) = container else {
                throw MatcherError(.invalidObservation, "each input must be a JSON object with an 'objects' array")
            }
            guard let objects = members["objects"] else { continue }
            guard case .array(let list) = objects else {
                throw MatcherError(.invalidObservation, "'objects' must be an array of STIX objects")
            }
            sawObjects = true
            pooled.append(contentsOf: list)
        }
        guard sawObjects else { throw MatcherError(.invalidObservation, "STIX v2.1 bundle object must have 'objects' key") }

        var observedData: [[String: JSONValue]] = []
        var observables: [String: JSONValue] = [:]
        for (position, object) in pooled.enumerated() {
            guard case .object(let members) = object, let type = members["type"] else {
                throw MatcherError(.invalidObservation, "object #\(position) has no 'type'")
            }
            if type == .string("observed-data") {
                observedData.append(members)
            } else {
                guard let id = members["id"]?.stringValue else {
                    throw MatcherError(.invalidObservation, "object #\(position) of type \(type) has no string 'id'")
                }
                observables[id] = object
            }
        }

        var observations: [Observation] = []
        var ids: [String?] = []
        for members in observedData {
            guard let id = members["id"]?.stringValue else {
                throw MatcherError(.invalidObservation, "observed-data object has no string 'id'")
            }
            guard case .array(let refs) = members["object_refs"] else {
                throw MatcherError(.invalidObservation, "STIX v2.1 observed-data object \(id) must have an 'object_refs' array")
            }
            var targets: [(key: String, object: JSONValue)] = [(id, .object(members))]
            for case .string(let ref) in refs {
                if let object = observables[ref] { targets.append((ref, object)) }
            }
            var seen: [String: Int] = [:]
            var objects: [(key: String, object: JSONValue)] = []
            for target in targets {
                if let existing = seen[target.key] {
                    objects[existing] = target
                } else {
                    seen[target.key] = objects.count
                    objects.append(target)
                }
            }
            let window = try Self.window(of: members, id: id)
            observations.append(Observation(firstObserved: window.first, lastObserved: window.last, count: window.count,
                                            objects: objects, referenceTargets: targets))
            ids.append(id)
        }
        self.init(observations: observations, observedDataIDs: ids, ignoresNonObservableTypes: true)
    }

    /// Loads STIX 2.0-style observed-data objects that carry their observables in the deprecated
    /// `objects` dictionary; `_ref` values are keys of that dictionary.
    public init(observedDataWithObjectMaps list: [JSONValue]) throws(MatcherError) {
        var observations: [Observation] = []
        var ids: [String?] = []
        for (position, entry) in list.enumerated() {
            guard case .object(let members) = entry else {
                throw MatcherError(.invalidObservation, "observed-data #\(position) is not a JSON object")
            }
            let window = try Self.window(of: members, id: members["id"]?.stringValue ?? "#\(position)")
            let objects = (members["objects"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, object: $0.value) }
            observations.append(Observation(firstObserved: window.first, lastObserved: window.last, count: window.count, objects: objects))
            ids.append(members["id"]?.stringValue)
        }
        self.init(observations: observations, observedDataIDs: ids, ignoresNonObservableTypes: false)
    }

    private static func window(of members: [String: JSONValue], id: String) throws(MatcherError) -> (first: Int64, last: Int64, count: Int) {
        guard let first = members["first_observed"], let last = members["last_observed"], let count = members["number_observed"] else {
            throw MatcherError(.invalidObservation, "observed-data \(id) must have number_observed, first_observed and last_observed")
        }
        let number: Int
        if case .number(let value) = count, case .integer(let integer) = value.storage {
            number = Int(clamping: integer)
        } else if case .bool(let flag) = count {
            number = flag ? 1 : 0
        } else {
            throw MatcherError(.invalidObservation, "observed-data \(id) has a non-integer number_observed")
        }
        guard number >= 1 else {
            throw MatcherError(.invalidObservation, "observed-data \(id) has invalid number_observed \(number) (must be >= 1)")
        }
        guard let firstText = first.stringValue, let firstTime = PatternTimestamp.parse(firstText) else {
            throw MatcherError(.invalidObservation, "observed-data \(id) has an invalid first_observed")
        }
        guard let lastText = last.stringValue, let lastTime = PatternTimestamp.parse(lastText) else {
            throw MatcherError(.invalidObservation, "observed-data \(id) has an invalid last_observed")
        }
        return (firstTime, lastTime, number)
    }
}
