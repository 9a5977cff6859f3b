import Mustache

/// A template value that reads as `false` when there is none. swift-mustache renders a section for any
/// present value, even an empty string, and looks an absent (`nil`) one up in the enclosing contexts: a
/// row's missing `error` would find the page's. This one stops the look-up and reads as `false`.
struct FalseWhenAbsent<Wrapped: Encodable & Sendable>: MustacheCustomRepresentation, Encodable, Sendable {
    let value: Wrapped?

    init(_ value: Wrapped?) {
        self.value = value
    }

    var representation: Any? { value.map { $0 as Any } ?? false }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension FalseWhenAbsent: Equatable where Wrapped: Equatable {}

extension Optional where Wrapped: Encodable & Sendable {
    /// The value for a template, reading as `false` when there is none (see ``FalseWhenAbsent``).
    var orFalse: FalseWhenAbsent<Wrapped> { FalseWhenAbsent(self) }
}
