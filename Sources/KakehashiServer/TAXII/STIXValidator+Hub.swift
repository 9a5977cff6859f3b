import KakehashiCore

extension STIXValidator {
    /// The validator the hub uses on ingest: STIX 2.1 rules, and indicator patterns checked by the
    /// hunt engine's validator (the same grammar that operators' hunts run).
    static var forHub: STIXValidator {
        STIXValidator(patternChecker: HubPatternChecker.check)
    }
}
