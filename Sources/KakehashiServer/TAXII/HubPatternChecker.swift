import KakehashiHunt

/// Checks indicator patterns with the hunt engine's validator, so the hub accepts exactly the
/// patterns that operators' hunts can run (and that the OASIS stix2-patterns validator accepts).
enum HubPatternChecker {
    @Sendable static func check(_ pattern: String, _ version: String?) -> String? {
        do {
            _ = try PatternValidator.validate(pattern)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
