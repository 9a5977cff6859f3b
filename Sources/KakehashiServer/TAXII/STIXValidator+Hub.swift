import KakehashiCore
#if WITH_HUNT
import KakehashiHunt
#endif

extension STIXValidator {
    /// The validator the hub uses on ingest: STIX 2.1 rules, and indicator patterns checked by the
    /// hunt engine's parser (the same grammar that operators' hunts run).
    static var forHub: STIXValidator {
        #if WITH_HUNT
        return STIXValidator(patternChecker: HubPatternChecker.check)
        #else
        return STIXValidator()
        #endif
    }
}
