import KakehashiPrimitives

/// One log record as STIX cyber-observable objects, keyed "0", "1"… as in an observed-data
/// `objects` map (references between them use those keys). Built only for candidate events.
public struct EventObservation: Sendable, Hashable {
    /// Event time in seconds since 1970, if the record had one.
    public var timestamp: Double?
    /// The SCOs, keyed by local index.
    public var objects: [String: JSONValue]
    /// The file and line the record came from.
    public var source: String

    /// Wraps already built objects.
    public init(timestamp: Double?, objects: [String: JSONValue], source: String) {
        self.timestamp = timestamp
        self.objects = objects
        self.source = source
    }

    /// Converts a parsed record, de-duplicating equal values.
    public init(_ event: LogEvent, source: String) {
        var objects: [String: JSONValue] = [:]
        var keyOf: [JSONValue: String] = [:]
        var hashes: [String: JSONValue] = [:]
        func add(_ object: JSONValue) -> String {
            if let key = keyOf[object] { return key }
            let key = String(objects.count)
            objects[key] = object
            keyOf[object] = key
            return key
        }
        var fieldKeys: [Int: String] = [:]
        for (i, field) in event.fields.enumerated() {
            let value = JSONValue.string(event.string(of: field))
            switch field.kind {
            case .ipv4: fieldKeys[i] = add(.object(["type": .string("ipv4-addr"), "value": value]))
            case .ipv6: fieldKeys[i] = add(.object(["type": .string("ipv6-addr"), "value": value]))
            case .domain: _ = add(.object(["type": .string("domain-name"), "value": value]))
            case .url: _ = add(.object(["type": .string("url"), "value": value]))
            case .email: _ = add(.object(["type": .string("email-addr"), "value": value]))
            case .md5: hashes["MD5"] = value
            case .sha1: hashes["SHA-1"] = value
            case .sha256: hashes["SHA-256"] = value
            }
        }
        if !hashes.isEmpty { _ = add(.object(["type": .string("file"), "hashes": .object(hashes)])) }
        if event.srcIP >= 0 || event.dstIP >= 0 {
            var traffic: [String: JSONValue] = ["type": .string("network-traffic")]
            if let k = fieldKeys[event.srcIP] { traffic["src_ref"] = .string(k) }
            if let k = fieldKeys[event.dstIP] { traffic["dst_ref"] = .string(k) }
            if event.srcPort >= 0 { traffic["src_port"] = .int(Int64(event.srcPort)) }
            if event.dstPort >= 0 { traffic["dst_port"] = .int(Int64(event.dstPort)) }
            if let proto = event.protocolName { traffic["protocols"] = .array([.string(proto)]) }
            _ = add(.object(traffic))
        }
        self.init(timestamp: event.timestamp, objects: objects, source: source)
    }
}
