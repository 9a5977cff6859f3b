import Foundation

/// What happened, in the reporter's words, in Japanese and/or English.
public struct IncidentNarrative: Sendable, Codable, Hashable {
    /// The Japanese text.
    public var ja: String?
    /// The English text.
    public var en: String?
    /// Whether the reporter allows this free text to be shared beyond the legal recipients.
    /// Free text easily names people and sites, so it is withheld unless marked shareable.
    public var shareable: Bool

    /// Creates a narrative.
    public init(ja: String? = nil, en: String? = nil, shareable: Bool = false) {
        self.ja = ja
        self.en = en
        self.shareable = shareable
    }

    /// Whether some non-blank text is given in either language.
    public var hasText: Bool {
        [ja, en].contains { !($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    enum CodingKeys: String, CodingKey { case ja, en, shareable }

    /// Decodes a narrative; `shareable` defaults to `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ja = try c.decodeIfPresent(String.self, forKey: .ja)
        en = try c.decodeIfPresent(String.self, forKey: .en)
        shareable = try c.decodeIfPresent(Bool.self, forKey: .shareable) ?? false
    }
}
