import Foundation

extension RegimeConfigurationError {
    /// Turns a JSON decoding error into one that names the regime and stage by id where it can.
    static func from(_ error: DecodingError, data: Data) -> RegimeConfigurationError {
        let (path, detail): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context): (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context): (context.codingPath, "missing \(type): \(context.debugDescription)")
        case .keyNotFound(let key, let context): (context.codingPath, "missing key '\(key.stringValue)'")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let outline = try? JSONDecoder().decode(Outline.self, from: data)
        var regime: String?
        var stage: String?
        var rest: [String] = []
        var keys = path[...]
        if keys.first?.stringValue == "regimes", keys.count > 1, let index = keys.dropFirst().first?.intValue {
            regime = outline?.regimes?[regimeSafe: index]?.id ?? "#\(index + 1)"
            keys = keys.dropFirst(2)
            if keys.first?.stringValue == "stages", keys.count > 1, let stageIndex = keys.dropFirst().first?.intValue {
                stage = outline?.regimes?[regimeSafe: index]?.stages?[regimeSafe: stageIndex]?.id ?? "#\(stageIndex + 1)"
                keys = keys.dropFirst(2)
            }
        }
        rest = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        let place = rest.isEmpty ? "" : "at \(rest.joined(separator: ".")): "
        return RegimeConfigurationError(regime: regime, stage: stage, message: place + detail)
    }

    /// Just the ids, read leniently, to name the place of an error.
    private struct Outline: Decodable {
        struct Item: Decodable {
            var id: String?
            var stages: [Lenient<Item>]?
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: RegimeConfigKey.self)
                id = try? c.decode(String.self, forKey: RegimeConfigKey(stringValue: "id"))
                stages = try? c.decode([Lenient<Item>].self, forKey: RegimeConfigKey(stringValue: "stages"))
            }
        }
        var regimes: [Lenient<Item>]?
    }

    private struct Lenient<T: Decodable>: Decodable {
        var value: T?
        init(from decoder: any Decoder) throws { value = try? T(from: decoder) }
        var id: String? { (value as? Outline.Item)?.id }
        var stages: [Lenient<Outline.Item>]? { (value as? Outline.Item)?.stages }
    }
}

fileprivate extension Array {
    subscript(regimeSafe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
