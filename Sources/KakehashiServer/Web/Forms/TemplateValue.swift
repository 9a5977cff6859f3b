extension Optional {
    /// The value for a template, or `false` when there is none: swift-mustache renders a section for any
    /// present value, even an empty string, and looks a missing key up in the enclosing contexts.
    var orFalse: Any { map { $0 as Any } ?? false }
}
