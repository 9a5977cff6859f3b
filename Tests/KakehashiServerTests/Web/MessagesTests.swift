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

    @Test func eachFeatureCatalogueHasTheSameKeysInBothLanguages() {
        for catalogue in Messages.catalogues {
            let onlyJapanese = Set(catalogue.ja.keys).subtracting(catalogue.en.keys)
            let onlyEnglish = Set(catalogue.en.keys).subtracting(catalogue.ja.keys)
            #expect(onlyJapanese.isEmpty && onlyEnglish.isEmpty, "\(catalogue.feature): only ja \(onlyJapanese.sorted()), only en \(onlyEnglish.sorted())")
        }
    }

    @Test func noKeyIsDefinedInTwoCatalogues() {
        var owner: [String: String] = [:]
        var twice: [String] = []
        for catalogue in Messages.catalogues {
            for key in Set(catalogue.ja.keys).union(catalogue.en.keys) {
                if let first = owner[key] { twice.append("\(key) (\(first), \(catalogue.feature))") } else { owner[key] = catalogue.feature }
            }
        }
        #expect(twice.isEmpty, "defined twice: \(twice.sorted())")
        #expect(Messages.catalogues.count > 1, "the words are split per feature")
        #expect(Messages.ja.count == Messages.catalogues.map(\.ja.count).reduce(0, +))
    }
}
