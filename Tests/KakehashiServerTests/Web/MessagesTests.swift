@testable import KakehashiServer
import Testing

@Suite struct MessagesTests {
    @Test func cataloguesHaveTheSameKeys() {
        let missingInEnglish = Set(Messages.ja.keys).subtracting(Messages.en.keys)
        let missingInJapanese = Set(Messages.en.keys).subtracting(Messages.ja.keys)
        #expect(missingInEnglish.isEmpty, "missing in en: \(missingInEnglish.sorted())")
        #expect(missingInJapanese.isEmpty, "missing in ja: \(missingInJapanese.sorted())")
        #expect(Messages.ja.values.allSatisfy { !$0.isEmpty } && Messages.en.values.allSatisfy { !$0.isEmpty })
    }
}
