/// A submission refused because required fields are missing; it names every one, in Japanese and English.
public struct SubmissionRefusal: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    /// The kind of submission refused.
    public var kind: SubmissionKind
    /// Every missing field, in the order the regimes' stages list them.
    public var missing: [MissingField]

    /// The message for people in `language`, one line per missing field with the stages that need it.
    ///
    /// English: `The initial report cannot be submitted; these required fields are missing:` then
    /// `- 24×7 contact (EU: NIS2 … — Early warning)`.
    public func message(in language: ReportLanguage) -> String {
        let header = switch language {
        case .ja: "\(kind.label.ja)を提出できません。次の必須項目が入力されていません："
        case .en: "The \(kind.label.en) cannot be submitted; these required fields are missing:"
        }
        let lines = missing.map { item in
            let stages = item.requiredBy.map { "\($0.regimeName[language]) — \($0.stageName[language])" }
            return switch language {
            case .ja: "・\(item.field.label.ja)（\(stages.joined(separator: "、"))）"
            case .en: "- \(item.field.label.en) (\(stages.joined(separator: "; ")))"
            }
        }
        return ([header] + lines).joined(separator: "\n")
    }

    public var description: String { message(in: .en) }
}

extension SubmissionKind {
    /// The kind's name in Japanese and English.
    public var label: BilingualText {
        switch self {
        case .draft: BilingualText(ja: "下書き", en: "draft")
        case .initial: BilingualText(ja: "第一報", en: "initial report")
        case .update: BilingualText(ja: "続報", en: "update")
        case .final: BilingualText(ja: "最終報告", en: "final report")
        }
    }
}
