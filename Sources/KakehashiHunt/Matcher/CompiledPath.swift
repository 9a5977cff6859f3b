import KakehashiPrimitives

/// An object path prepared for evaluation: the property-suffix and reference rules of the
/// reference matcher are decided once per step instead of once per value.
struct CompiledPath: Sendable {
    enum Step: Sendable {
        case key(String, decoding: Decoding, reference: Reference)
        case index(Int)
        case anyIndex
    }

    /// `*_hex` and `*_bin` properties hold binary values.
    enum Decoding: Sendable { case none, hex, base64 }
    /// `*_ref` holds one object id, `*_refs` a list of them.
    enum Reference: Sendable { case none, single, list }

    let objectType: String
    let steps: [Step]

    init(_ path: ObjectPath) {
        objectType = path.objectType
        steps = path.steps.map { step in
            switch step {
            case .key(let name):
                let decoding: Decoding = name.hasSuffix("_hex") ? .hex : (name.hasSuffix("_bin") ? .base64 : .none)
                let reference: Reference = name.hasSuffix("_ref") ? .single : (name.hasSuffix("_refs") ? .list : .none)
                return .key(name, decoding: decoding, reference: reference)
            case .index(let index):
                return .index(index)
            case .anyIndex:
                return .anyIndex
            }
        }
    }

    /// The values this path selects from `root`, resolving references within `observation`.
    /// Empty when the path does not apply.
    func select(from root: JSONValue, in observation: Observation) throws(MatcherError) -> [MatchValue] {
        var values: [MatchValue] = [.json(root)]
        for step in steps {
            var next: [MatchValue] = []
            switch step {
            case .key(let name, let decoding, let reference):
                for case .json(.object(let members)) in values {
                    if let member = members[name] { next.append(try Self.decode(member, name: name, decoding)) }
                }
                next = try Self.dereference(next, name: name, reference, in: observation)
            case .index(let index):
                for case .json(.array(let elements)) in values where index >= 0 && index < elements.count {
                    next.append(.json(elements[index]))
                }
            case .anyIndex:
                for case .json(.array(let elements)) in values {
                    next.append(contentsOf: elements.map(MatchValue.json))
                }
            }
            if next.isEmpty { return [] }
            values = next
        }
        return values
    }

    private static func decode(_ value: JSONValue, name: String, _ decoding: Decoding) throws(MatcherError) -> MatchValue {
        switch decoding {
        case .none:
            return .json(value)
        case .hex:
            guard case .string(let text) = value, let bytes = LiteralDecoding.hexBytes(text) else {
                throw MatcherError(.invalidObservation, "property '\(name)' is not a valid hex string")
            }
            return .bytes(bytes)
        case .base64:
            guard case .string(let text) = value, let bytes = LiteralDecoding.base64Bytes(text) else {
                throw MatcherError(.invalidObservation, "property '\(name)' is not a valid base64 string")
            }
            return .bytes(bytes)
        }
    }

    private static func dereference(_ values: [MatchValue], name: String, _ reference: Reference,
                                    in observation: Observation) throws(MatcherError) -> [MatchValue] {
        switch reference {
        case .none:
            return values
        case .single:
            var resolved: [MatchValue] = []
            for value in values {
                guard case .json(.string(let id)) = value else {
                    throw MatcherError(.invalidObservation, "The value of reference property '\(name)' was not a string")
                }
                resolved.append(contentsOf: observation.resolve(id).map(MatchValue.json))
            }
            return resolved
        case .list:
            var resolved: [MatchValue] = []
            for value in values {
                guard case .json(.array(let ids)) = value else {
                    throw MatcherError(.invalidObservation, "The value of reference list property '\(name)' was not a list")
                }
                var objects: [JSONValue] = []
                for id in ids {
                    guard case .string(let text) = id else {
                        throw MatcherError(.invalidObservation, "A value of reference property '\(name)' was not a string")
                    }
                    objects.append(contentsOf: observation.resolve(text))
                }
                if !objects.isEmpty { resolved.append(.json(.array(objects))) }
            }
            return resolved
        }
    }
}
