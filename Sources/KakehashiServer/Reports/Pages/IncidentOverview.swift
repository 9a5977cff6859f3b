import Foundation
import KakehashiCore
import KakehashiStorage

/// An incident as the pages show it: its access, the report to show (the draft for the reporter, else the
/// newest submission the viewer may see) and where its deadlines stand.
struct IncidentOverview {
    let access: IncidentAccess
    let draft: DraftRecord?
    let report: IncidentReport?
    let deadlines: [StageDeadline]

    static func load(_ id: UUID, page: PageSession, service: IncidentService, context: HubRequestContext, action: String, now: Date = Date()) async throws -> IncidentOverview {
        let access = try await IncidentAccess.load(id, for: page.principal, reporting: service.reporting, context: context, action: action)
        let draft = try await service.draftReport(of: access)
        let submitted = try access.submissions.last.map { try ReportInput.decode($0.json) }
        let deadlines = access.relation == .reporter ? try await service.deadlines(of: access, draft: draft?.report, now: now) : []
        return IncidentOverview(access: access, draft: draft?.record, report: draft?.report ?? submitted, deadlines: deadlines)
    }

    var id: String { access.record.id.uuidString.lowercased() }

    /// A short title: the start of the description in the page's language (else the other), or the category.
    func title(language: String) -> String {
        let narrative = report?.narrative
        let preferred = language == "en" ? [narrative?.en, narrative?.ja] : [narrative?.ja, narrative?.en]
        guard let text = preferred.compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            return Messages.catalogue(language)["category_\(access.record.category)"] ?? access.record.category
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }

    /// The row of the incident list.
    func listRow(page: PageSession) -> IncidentListPage.Model.Row {
        let text = page.text
        return IncidentListPage.Model.Row(
            id: id, title: title(language: page.language),
            category: text["category_\(access.record.category)"] ?? access.record.category,
            status: text["incident_status_\(access.record.status.rawValue)"] ?? access.record.status.rawValue,
            version: (access.record.latestVersion > 0 ? access.record.latestVersion : nil).orFalse,
            next: DeadlineRows.next(deadlines).map { DeadlineRows.row($0, zone: page.principal.user.timeZone, language: page.language) }.orFalse)
    }
}
