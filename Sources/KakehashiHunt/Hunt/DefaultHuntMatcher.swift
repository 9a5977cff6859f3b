/// Where the module's STIX pattern matcher is plugged into the hunt (see `HuntMatcher`).
enum DefaultHuntMatcher {
    /// Nil until the `Matcher/` adapter is wired in.
    static let shared: (any HuntMatcher)? = nil
}
