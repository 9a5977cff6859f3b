import Foundation
import KakehashiCore

/// A report as rows of label and text, for the review step and for recipients; times in the viewer's zone.
struct ReportSummary {
    /// A label and its lines of text.
    struct Row: Encodable, Sendable, Equatable {
        let label: String
        let lines: [String]
    }

    let language: String
    let zone: String

    private var lang: ReportLanguage { language == "en" ? .en : .ja }
    private var text: [String: String] { Messages.catalogue(language) }

    /// The rows of `report`; blank parts are left out.
    func rows(_ report: IncidentReport) -> [Row] {
        let t = text
        func name(_ key: String) -> String { t[key] ?? key }
        func time(_ date: Date?) -> String? { date.map { DeadlineDisplay.format($0, timeZone: zone, language: lang) } }
        let contacts = report.contacts.map { contact in
            [contact.name, contact.role, contact.email, contact.phone, contact.available24x7 ? "24×7" : nil].compactMap { $0 }.joined(separator: " / ")
        }
        let impact = report.serviceImpact.map { impact in
            [impact.service, name("state_\(impact.state.rawValue)"), impact.usersAffected.map { "\($0)" }, impact.area,
             impact.durationMinutes.map { "\($0) min" }].compactMap { $0 }.joined(separator: " / ")
        }
        let systems = report.affectedSystems.map { system in
            [system.name, system.kind, system.isCriticalEquipment ? name("critical_equipment") : nil,
             system.isCriticalComputer ? name("critical_computer") : nil].compactMap { $0 }.joined(separator: " / ")
        }
        let ransom = report.ransom.map { ransom in
            [ransom.demanded ? name("ransom_demanded") : nil, ransom.paid ? name("ransom_paid") : nil,
             [ransom.amount, ransom.currency].compactMap { $0 }.joined(separator: " "), time(ransom.paidAt)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
        }
        let ddos = report.ddos.map { ddos in
            [ddos.peakBitsPerSecond.map { "\($0) bit/s" }, ddos.peakPacketsPerSecond.map { "\($0) pkt/s" },
             ddos.vectors.isEmpty ? nil : ddos.vectors.joined(separator: ", "), ddos.mitigation].compactMap { $0 }.joined(separator: " / ")
        }
        let sharing = [report.sharing.tlp.displayName, report.sharing.shareWithISAC ? name("share_isac") : nil,
                       report.sharing.shareWithNationalCenter ? name("share_national") : nil, report.sharing.anonymise ? name("anonymise") : nil]
        let rows: [(String, [String])] = [
            (ReportField.reporterOrganization.label[lang], [report.reporter.organizationName].compactMap { $0 }),
            (ReportField.reporterDesignations.label[lang], report.reporter.designations.map { name("designation_\($0)") }),
            (ReportField.reporterSectors.label[lang], report.reporter.sectors),
            (ReportField.contacts.label[lang], contacts),
            (ReportField.timesOccurred.label[lang], [time(report.times.occurred)].compactMap { $0 }),
            (ReportField.timesDetected.label[lang], [time(report.times.detected)].compactMap { $0 }),
            (ReportField.timesBecameAware.label[lang], [time(report.times.becameAware)].compactMap { $0 }),
            (ReportField.timesResolved.label[lang], [time(report.times.resolved)].compactMap { $0 }),
            (ReportField.category.label[lang], [name("category_\(report.category.rawValue)")]),
            (ReportField.status.label[lang], [name("status_\(report.status.rawValue)")]),
            (ReportField.entryVector.label[lang], [report.entryVector.map { name("vector_\($0.rawValue)") }].compactMap { $0 }),
            (ReportField.attackTechniques.label[lang], report.attackTechniques.map(\.rawValue)),
            (ReportField.narrativeJapanese.label[lang], [report.narrative.ja].compactMap { $0 }),
            (ReportField.narrativeEnglish.label[lang], [report.narrative.en].compactMap { $0 }),
            (ReportField.serviceImpact.label[lang], impact),
            (ReportField.affectedSystems.label[lang], systems),
            (ReportField.actionsTaken.label[lang], report.actionsTaken),
            (ReportField.alreadyNotified.label[lang], report.alreadyNotified),
            (ReportField.indicators.label[lang], report.indicators.map { "\(name("kind_\($0.type.rawValue)")): \($0.value)" }),
            (ReportField.exploitedCVEs.label[lang], report.exploitedCVEs.map(\.rawValue)),
            (ReportField.ransom.label[lang], [ransom].compactMap { $0 }.filter { !$0.isEmpty }),
            (name("ddos_legend"), [ddos].compactMap { $0 }.filter { !$0.isEmpty }),
            (name("sharing_legend"), sharing.compactMap { $0 }),
        ]
        return rows.filter { !$0.1.isEmpty }.map { Row(label: $0.0, lines: $0.1) }
    }
}
