import Foundation
import KakehashiCore

/// Reads one step of the report form onto a report, checking each value with the domain's own rules.
///
/// A step with errors changes nothing: the caller shows the posted fields again with each error beside
/// its field. Errors are message keys of ``Messages``, by field name.
struct ReportFormReader {
    let form: FormFields
    private(set) var errors: [String: String] = [:]

    init(_ form: FormFields) {
        self.form = form
    }

    /// Applies `step`'s fields to `report`; returns the errors by field name (empty: applied).
    static func apply(_ form: FormFields, step: ReportStep, to report: inout IncidentReport) -> [String: String] {
        var reader = ReportFormReader(form)
        var updated = report
        switch step {
        case .reporter: reader.readReporter(into: &updated)
        case .happened: reader.readHappened(into: &updated)
        case .impact: reader.readImpact(into: &updated)
        case .details: reader.readDetails(into: &updated)
        case .sharing: reader.readSharing(into: &updated)
        case .review: break
        }
        if reader.errors.isEmpty { report = updated }
        return reader.errors
    }

    // MARK: Helpers for the steps

    /// The trimmed text of `name`, `nil` when blank.
    func text(_ name: String) -> String? {
        let value = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    func isOn(_ name: String) -> Bool { form[name] != nil }

    /// Items of a comma-, space- or line-separated list.
    func list(_ name: String, separators: CharacterSet = CharacterSet(charactersIn: ",、\n").union(.whitespaces)) -> [String] {
        (form[name] ?? "").components(separatedBy: separators).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    mutating func fail(_ name: String, _ key: String) {
        if errors[name] == nil { errors[name] = key }
    }

    mutating func integer(_ name: String) -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text), value >= 0 else { fail(name, "invalid_number"); return nil }
        return value
    }

    mutating func decimal(_ name: String) -> Double? {
        guard let text = text(name) else { return nil }
        guard let value = Double(text), value >= 0, value.isFinite else { fail(name, "invalid_number"); return nil }
        return value
    }

    mutating func instant(_ name: String, zone: String) -> Date? {
        guard let text = text(name) else { return nil }
        guard let date = ReportFormFields.instant(text, zone) else { fail(name, "invalid_time"); return nil }
        return date
    }

    /// Row indices of a repeated section that have any content.
    func rows(_ prefix: String, columns: [String]) -> [Int] {
        (0..<ReportFormFields.rows(form, prefix: prefix, columns: columns)).filter { index in
            columns.contains { text("\(prefix)\($0)_\(index)") != nil }
        }
    }
}
