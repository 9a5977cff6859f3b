import Foundation
@testable import KakehashiHunt
import KakehashiPrimitives

/// Reads fixture logs into comparable values.
enum LogReaderFixtures {
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/logs/\(name)").path
    }

    struct Read {
        var events: [EventObservation] = []
        var malformed: [MalformedLine] = []
        var lines = 0
    }

    static func read(_ name: String, format: LogFormat? = nil, mapping: String? = nil) throws -> Read {
        let map = try mapping.map { try FieldMapping(contentsOf: path($0)) }
        let reader = try LogFileReader(path: path(name), format: format, mapping: map)
        var result = Read()
        result.lines = try reader.forEachEvent(onEvent: { event, line in
            result.events.append(EventObservation(event, source: "\(name):\(line)"))
            return true
        }, onMalformed: { result.malformed.append($0) })
        return result
    }

    /// The `value` of every SCO of `type` in the event.
    static func values(_ o: EventObservation, _ type: String) -> [String] {
        o.objects.values.compactMap { object -> String? in
            guard case .object(let m) = object, m["type"]?.stringValue == type else { return nil }
            return m["value"]?.stringValue
        }.sorted()
    }

    static func traffic(_ o: EventObservation) -> [String: JSONValue]? {
        for object in o.objects.values {
            if case .object(let m) = object, m["type"]?.stringValue == "network-traffic" { return m }
        }
        return nil
    }

    static func hashes(_ o: EventObservation) -> [String: JSONValue]? {
        for object in o.objects.values {
            if case .object(let m) = object, m["type"]?.stringValue == "file", case .object(let h)? = m["hashes"] { return h }
        }
        return nil
    }

    /// The address the traffic's `src_ref`/`dst_ref` points at.
    static func endpoint(_ o: EventObservation, _ ref: String) -> String? {
        guard let key = traffic(o)?[ref]?.stringValue, case .object(let m)? = o.objects[key] else { return nil }
        return m["value"]?.stringValue
    }
}
