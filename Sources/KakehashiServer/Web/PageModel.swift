/// What a page's template reads: a typed value its controller builds and its tests check without HTML.
///
/// The renderer draws any model through swift-mustache's reflection (`Mirror`), so stored properties are the
/// names the template reads; a `nil` optional is absent, as a missing key was (the template looks it up in the
/// enclosing contexts), and ``FalseWhenAbsent`` is the value that reads as `false` instead.
protocol PageModel: Encodable, Sendable {}
