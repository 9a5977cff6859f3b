import KakehashiCore

/// The steps of the unified incident report form, in the order a reporter walks them.
enum ReportStep: Int, CaseIterable, Sendable {
    case reporter = 1
    case happened
    case impact
    case details
    case sharing
    case review

    /// The step's name in URLs, e.g. `/incidents/{id}/steps/happened`.
    var slug: String {
        switch self {
        case .reporter: "reporter"
        case .happened: "happened"
        case .impact: "impact"
        case .details: "details"
        case .sharing: "sharing"
        case .review: "review"
        }
    }

    /// The message key of the step's title.
    var titleKey: String { "step_\(slug)" }

    init?(slug: String) {
        guard let step = Self.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = step
    }

    /// The step after this one.
    var next: ReportStep { ReportStep(rawValue: rawValue + 1) ?? .review }

    /// The step whose form holds `field`, so a refusal can link each missing field to where it is entered.
    static func holding(_ field: ReportField) -> ReportStep {
        switch field {
        case .reporterOrganization, .reporterSectors, .reporterDesignations, .contacts, .contact24x7: .reporter
        case .timesOccurred, .timesDetected, .timesBecameAware, .timesResolved, .category, .attackTechniques, .narrative,
             .narrativeJapanese, .narrativeEnglish, .entryVector, .status: .happened
        case .serviceImpact, .serviceImpactUsers, .serviceImpactArea, .serviceImpactDuration, .affectedSystems, .actionsTaken, .alreadyNotified: .impact
        case .exploitedCVEs, .indicators, .ransom, .ransomAmount, .ransomCurrency, .ransomPaidAt, .ddosPeak, .ddosVectors, .ddosMitigation: .details
        }
    }
}
