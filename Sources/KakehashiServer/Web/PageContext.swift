import Mustache

/// The root a template renders from: the renderer's own values (`lang`, `t`, `title`) over the page's model.
/// The renderer's values come first, as they did when they were written over the page's values.
struct PageContext<Model: PageModel>: MustacheParent {
    let lang: String
    let t: [String: String]
    let title: String
    let model: Model

    func child(named name: String) -> Any? {
        switch name {
        case "lang": return lang
        case "t": return t
        case "title": return title
        default:
            guard let value = Mirror(reflecting: model).children.first(where: { $0.label == name })?.value else { return nil }
            return Self.unwrapped(value)
        }
    }

    /// A stored optional's value, or `nil` when it holds none (absent, like a missing key).
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
