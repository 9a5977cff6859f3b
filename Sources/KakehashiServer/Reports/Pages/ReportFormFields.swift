import Foundation
import KakehashiCore

/// The report form's fields as text: a report written out for the form, and the datetime-local format both ways.
///
/// Rows of repeated sections are numbered from 0 (`contact_name_0`, `contact_name_1`…); a blank row is ignored.
enum ReportFormFields {
    /// The legal designations a reporter can claim (the regimes' applicability reads them).
    static let designations = [
        "jp-critical-infrastructure-operator", "jp-core-infrastructure-operator", "us-covered-entity",
        "eu-essential-entity", "eu-important-entity", "au-critical-infrastructure-asset", "uk-operator-of-essential-services",
    ]

    /// Every field of `report` as the form shows it, instants in the report's time zone.
    static func encode(_ report: IncidentReport) -> FormFields {
        var pairs: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) { if let value { pairs.append((name, value)) } }
        func flag(_ name: String, _ on: Bool) { if on { pairs.append((name, "on")) } }
        let zone = report.times.timeZone
        report.reporter.designations.forEach { add("designations", $0) }
        report.reporter.sectors.forEach { add("sectors", $0) }
        for (index, contact) in report.contacts.enumerated() {
            add("contact_name_\(index)", contact.name); add("contact_role_\(index)", contact.role)
            add("contact_email_\(index)", contact.email); add("contact_phone_\(index)", contact.phone)
            flag("contact_24x7_\(index)", contact.available24x7)
        }
        add("time_zone", zone)
        add("occurred", report.times.occurred.map { local($0, zone) }); add("detected", report.times.detected.map { local($0, zone) })
        add("became_aware", report.times.becameAware.map { local($0, zone) }); add("resolved", report.times.resolved.map { local($0, zone) })
        add("category", report.category.rawValue); add("status", report.status.rawValue); add("entry_vector", report.entryVector?.rawValue)
        add("attack_techniques", report.attackTechniques.map(\.rawValue).joined(separator: ", "))
        add("narrative_ja", report.narrative.ja); add("narrative_en", report.narrative.en); flag("narrative_shareable", report.narrative.shareable)
        for (index, impact) in report.serviceImpact.enumerated() {
            add("service_name_\(index)", impact.service); add("service_state_\(index)", impact.state.rawValue)
            add("service_users_\(index)", impact.usersAffected.map { String($0) }); add("service_area_\(index)", impact.area)
            add("service_duration_\(index)", impact.durationMinutes.map { String($0) })
        }
        for (index, system) in report.affectedSystems.enumerated() {
            add("system_name_\(index)", system.name); add("system_kind_\(index)", system.kind)
            flag("system_equipment_\(index)", system.isCriticalEquipment); flag("system_computer_\(index)", system.isCriticalComputer)
        }
        add("actions_taken", report.actionsTaken.joined(separator: "\n")); add("already_notified", report.alreadyNotified.joined(separator: ", "))
        for (index, indicator) in report.indicators.enumerated() {
            add("indicator_type_\(index)", indicator.type.rawValue); add("indicator_value_\(index)", indicator.value)
            flag("indicator_shareable_\(index)", indicator.shareable)
        }
        add("cves", report.exploitedCVEs.map(\.rawValue).joined(separator: ", "))
        if let ransom = report.ransom {
            flag("ransom_demanded", ransom.demanded); flag("ransom_paid", ransom.paid)
            add("ransom_amount", ransom.amount); add("ransom_currency", ransom.currency); add("ransom_paid_at", ransom.paidAt.map { local($0, zone) })
        }
        if let ddos = report.ddos {
            add("ddos_bps", ddos.peakBitsPerSecond.map { number($0) }); add("ddos_pps", ddos.peakPacketsPerSecond.map { number($0) })
            add("ddos_vectors", ddos.vectors.joined(separator: ", ")); add("ddos_mitigation", ddos.mitigation)
        }
        add("tlp", report.sharing.tlp.rawValue)
        flag("share_isac", report.sharing.shareWithISAC); flag("share_national", report.sharing.shareWithNationalCenter); flag("anonymise", report.sharing.anonymise)
        return FormFields(pairs: pairs)
    }

    /// An instant as an `<input type="datetime-local">` value in `zone`, e.g. `2026-11-26T10:30`.
    static func local(_ date: Date, _ zone: String) -> String {
        formatter(zone).string(from: date)
    }

    /// Reads a datetime-local value (with or without seconds) as wall-clock time in `zone`.
    static func instant(_ text: String, _ zone: String) -> Date? {
        let formatter = formatter(zone)
        if let date = formatter.date(from: text) { return date }
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.date(from: text)
    }

    private static func formatter(_ zone: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// The most rows a repeated section takes from a form.
    static let maxRows = 50

    /// How many rows a repeated section shows: those the fields fill, and one blank row to add another.
    static func rows(_ form: FormFields, prefix: String, columns: [String]) -> Int {
        var used = 0
        for (name, value) in form.pairs where name.hasPrefix(prefix) && !value.isEmpty {
            let suffix = name.dropFirst(prefix.count)
            guard let separator = suffix.lastIndex(of: "_"), columns.contains(String(suffix[..<separator])),
                  let index = Int(suffix[suffix.index(after: separator)...]), index < maxRows else { continue }
            used = max(used, index + 1)
        }
        return used + 1
    }
}
