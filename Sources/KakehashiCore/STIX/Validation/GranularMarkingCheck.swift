/// Granular-marking selectors must point at something the object has (stix2-validator's `marking_selector_syntax`).
enum GranularMarkingCheck {
    static func checkSelectors(_ members: [String: JSONValue], path: String, in context: inout ValidationContext) {
        guard case .array(let markings) = members["granular_markings"] else { return }
        let object = JSONValue.object(members)
        for (index, marking) in markings.enumerated() {
            guard case .array(let selectors) = marking["selectors"] else { continue }
            for (selectorIndex, selector) in selectors.enumerated() {
                guard let text = selector.stringValue, NestedRules.isValidSelector(text) else { continue }
                if let problem = resolve(text, in: object) {
                    let selectorPath = JSONPathText.element(
                        JSONPathText.member(JSONPathText.element(JSONPathText.member(path, "granular_markings"), index), "selectors"),
                        selectorIndex)
                    context.error(.marking, selectorPath, "'\(text)' is not a valid selector because \(problem)")
                }
            }
        }
    }

    /// Walks `selector` through `object`; returns why it fails, or `nil` when it resolves.
    static func resolve(_ selector: String, in object: JSONValue) -> String? {
        var current = object
        for segment in selector.split(separator: ".", omittingEmptySubsequences: false) {
            if segment.hasPrefix("[") && segment.hasSuffix("]"), let index = Int(segment.dropFirst().dropLast()) {
                guard case .array(let items) = current else { return "the part before \(segment) is not a list" }
                guard items.indices.contains(index) else { return "\(index) is not a valid index" }
                current = items[index]
            } else {
                guard let next = current[String(segment)] else { return "'\(segment)' is not a property" }
                current = next
            }
        }
        return nil
    }
}
