/// An indicator's `stix` pattern must parse (stix2-validator runs stix2-patterns on it).
enum PatternRule {
    @Sendable static func check(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        guard members["pattern_type"]?.stringValue == "stix", let pattern = members["pattern"]?.stringValue,
              let checker = context.patternChecker
        else { return }
        let version = members["pattern_version"]?.stringValue ?? members["spec_version"]?.stringValue
        if let problem = checker(pattern, version) {
            context.error(.pattern, JSONPathText.member(path, "pattern"), "pattern does not parse: \(problem)")
        }
    }
}
