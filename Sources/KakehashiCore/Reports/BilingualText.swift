/// The two languages the hub speaks: Japanese first, English second.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable {
    case ja
    case en
}

/// A short text given in Japanese and English, such as a regime's or a stage's name.
public struct BilingualText: Sendable, Codable, Hashable {
    /// The Japanese text.
    public var ja: String
    /// The English text.
    public var en: String

    /// Creates a text from its Japanese and English forms.
    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    /// The text in `language`.
    public subscript(language: ReportLanguage) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}
