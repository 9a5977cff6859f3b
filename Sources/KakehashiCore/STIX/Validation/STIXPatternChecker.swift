/// Checks the syntax of an indicator's STIX pattern (`pattern_type` `stix`).
///
/// KakehashiCore has no pattern grammar of its own; the server passes one backed by
/// KakehashiHunt's parser. Returns `nil` when the pattern is valid, else why it is not.
///
/// ```swift
/// let validator = STIXValidator(patternChecker: { pattern, _ in
///     do { _ = try PatternParser.parse(pattern); return nil } catch { return "\(error)" }
/// })
/// ```
public typealias STIXPatternChecker = @Sendable (_ pattern: String, _ patternVersion: String?) -> String?
