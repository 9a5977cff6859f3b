import KakehashiPrimitives

/// Builds the STIX 2.1 bundle of a hunt: one `sighting` per matched indicator, with the sample
/// events as `observed-data` and their SCOs. Ids are UUIDv5 over the content (SCO ids follow the
/// STIX 2.1 deterministic-id rules), so running the same hunt again yields the same objects.
public enum SightingWriter {
    /// The bundle for `sightings` of `indicators`; `scope` (e.g. the log file names) is part of
    /// each sighting's identity.
    public static func bundle(_ sightings: SightingAccumulator, indicators: CompiledIndicators, scope: [String]) -> JSONValue {
        var objects: [String: JSONValue] = [:]
        let scopeKey = scope.sorted().joined(separator: "\n")
        for n in sightings.stats.keys.sorted(by: { indicators.id($0) < indicators.id($1) }) {
            guard let s = sightings.stats[n] else { continue }
            let indicatorID = indicators.id(n)
            var observedRefs: [String] = []
            for sample in s.samples {
                let (observedID, added) = observedData(sample)
                observedRefs.append(observedID)
                for (id, object) in added { objects[id] = object }
            }
            let id = "sighting--" + NameBasedUUID.v5String(namespace: NameBasedUUID.kakehashiHunt, name: "sighting|\(indicatorID)|\(scopeKey)")
            let stamp = STIXTime.format(s.lastSeen ?? 0)
            var sighting: [String: JSONValue] = [
                "type": .string("sighting"), "spec_version": .string("2.1"), "id": .string(id),
                "created": .string(stamp), "modified": .string(stamp),
                "sighting_of_ref": .string(indicatorID), "count": .int(Int64(s.count)),
            ]
            if let f = s.firstSeen { sighting["first_seen"] = .string(STIXTime.format(f)) }
            if let l = s.lastSeen { sighting["last_seen"] = .string(STIXTime.format(l)) }
            if !observedRefs.isEmpty { sighting["observed_data_refs"] = .array(Array(Set(observedRefs)).sorted().map(JSONValue.string)) }
            objects[id] = .object(sighting)
        }
        let ids = objects.keys.sorted()
        let bundleID = "bundle--" + NameBasedUUID.v5String(namespace: NameBasedUUID.kakehashiHunt, name: "bundle|" + ids.joined(separator: ","))
        return .object(["type": .string("bundle"), "id": .string(bundleID), "objects": .array(ids.compactMap { objects[$0] })])
    }

    static func isIPv6(_ object: JSONValue) -> Bool {
        guard case .object(let m) = object else { return false }
        return m["type"] == .string("ipv6-addr")
    }

    /// The single hash STIX 2.1 id generation uses: MD5, else SHA-1, else SHA-256 (as `stix2` does).
    static func oneHash(_ hashes: JSONValue?) -> JSONValue {
        guard case .object(let h)? = hashes else { return .object([:]) }
        for name in ["MD5", "SHA-1", "SHA-256"] { if let v = h[name] { return .object([name: v]) } }
        return .object([:])
    }

    /// The observed-data id for one event plus every object (SCOs and the observed-data) to add.
    static func observedData(_ o: EventObservation) -> (String, [String: JSONValue]) {
        var idOf: [String: String] = [:]
        var out: [String: JSONValue] = [:]
        // Resolve referenced objects first so references can be rewritten to ids.
        for key in o.objects.keys.sorted(by: { $0.count < $1.count || $0.count == $1.count && $0 < $1 }) {
            guard case .object(var sco) = o.objects[key], let type = sco["type"]?.stringValue else { continue }
            guard type != "network-traffic" else { continue }
            sco["spec_version"] = .string("2.1")
            let contributing: JSONValue = type == "file" ? .object(["hashes": Self.oneHash(sco["hashes"])])
                                                         : .object(["value": sco["value"] ?? .string("")])
            let id = type + "--" + NameBasedUUID.v5String(namespace: NameBasedUUID.stixObservables, name: contributing.serialized())
            sco["id"] = .string(id)
            idOf[key] = id
            out[id] = .object(sco)
        }
        for (key, value) in o.objects {
            guard case .object(var sco) = value, sco["type"]?.stringValue == "network-traffic" else { continue }
            if sco["protocols"] == nil {
                // STIX requires `protocols`; when the log did not name the transport, say only what
                // is known: the network layer of the endpoints.
                let ref = sco["src_ref"]?.stringValue ?? sco["dst_ref"]?.stringValue
                let six = ref.flatMap { o.objects[$0] }.map(Self.isIPv6) ?? false
                sco["protocols"] = .array([.string(six ? "ipv6" : "ipv4")])
            }
            for ref in ["src_ref", "dst_ref"] { if let local = sco[ref]?.stringValue { sco[ref] = idOf[local].map(JSONValue.string) } }
            var contributing = sco
            contributing.removeValue(forKey: "type")
            let id = "network-traffic--" + NameBasedUUID.v5String(namespace: NameBasedUUID.stixObservables, name: JSONValue.object(contributing).serialized())
            sco["id"] = .string(id)
            sco["spec_version"] = .string("2.1")
            idOf[key] = id
            out[id] = .object(sco)
        }
        let refs = Array(Set(idOf.values)).sorted()
        let time = STIXTime.format(o.timestamp ?? 0)
        let id = "observed-data--" + NameBasedUUID.v5String(namespace: NameBasedUUID.kakehashiHunt, name: "observed-data|\(time)|" + refs.joined(separator: ","))
        out[id] = .object([
            "type": .string("observed-data"), "spec_version": .string("2.1"), "id": .string(id),
            "created": .string(time), "modified": .string(time),
            "first_observed": .string(time), "last_observed": .string(time), "number_observed": .int(1),
            "object_refs": .array(refs.map(JSONValue.string)),
        ])
        return (id, out)
    }
}
