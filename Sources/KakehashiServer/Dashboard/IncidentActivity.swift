import Foundation
import KakehashiCore
import KakehashiStorage

/// The dashboard's incident part: what is due and overdue for the organisation's incidents, and charts of
/// the incidents it reported or received, per month, by category and by sector.
struct IncidentActivity: Encodable, Sendable {
    /// A stage due or overdue, with its incident.
    struct DueItem: Encodable, Sendable, Equatable {
        let incidentID: String
        let incidentTitle: String
        let deadline: DeadlineRows.Row
    }

    let dueItems: [DueItem]
    let overdueCount: Int
    let dueCount: Int
    let incidentCount: Int
    /// The incidents per month by category (SVG).
    let categoryChart: String
    let categoryChartTitle: String
    /// The incidents per month by sector (SVG).
    let sectorChart: String
    let sectorChartTitle: String

    static let months = 6

    static func load(for page: PageSession, reporting: Reporting, context: HubRequestContext, now: Date = Date()) async throws -> IncidentActivity {
        let service = IncidentService(reporting: reporting)
        let zone = page.principal.user.timeZone
        var due: [(StageDeadline, IncidentOverview)] = []
        var seen: [(report: IncidentReport?, category: String, created: Date)] = []
        for record in try await service.list(for: page.principal, context: context) {
            let overview = try await IncidentOverview.load(record.id, page: page, service: service, context: context, action: "web.dashboard", now: now)
            for deadline in overview.deadlines {
                if case .due = deadline.state { due.append((deadline, overview)) }
                if case .overdue = deadline.state { due.append((deadline, overview)) }
            }
            seen.append((overview.report, record.category, record.createdAt))
        }
        var received: Set<UUID> = []
        for delivery in try await service.inbox(for: page.principal, context: context) where received.insert(delivery.incidentID).inserted {
            let overview = try await IncidentOverview.load(delivery.incidentID, page: page, service: service, context: context, action: "web.dashboard", now: now)
            seen.append((overview.report, overview.access.record.category, overview.access.record.createdAt))
        }
        due.sort { ($0.0.dueAt ?? .distantFuture) < ($1.0.dueAt ?? .distantFuture) }
        let monthLabels = Self.monthLabels(now: now, zone: zone)
        let text = page.text
        let categories = IncidentCategory.allCases.map(\.rawValue)
        let sectors = Sector.allCases.map(\.regimeSectorName)
        var byCategory = Array(repeating: Array(repeating: 0, count: categories.count), count: months)
        var bySector = Array(repeating: Array(repeating: 0, count: sectors.count), count: months)
        for incident in seen {
            guard let month = monthLabels.firstIndex(of: Self.monthLabel(incident.created, zone: zone)) else { continue }
            if let index = categories.firstIndex(of: incident.category) { byCategory[month][index] += 1 }
            for sector in incident.report?.reporter.sectors ?? [] {
                if let index = sectors.firstIndex(of: sector) { bySector[month][index] += 1 }
            }
        }
        let usedSectors = sectors.indices.filter { index in bySector.contains { $0[index] > 0 } }
        let sectorNames = Sector.allCases.map { page.language == "ja" ? $0.nameJa : $0.nameEn }
        let categoryChart = SVGStackedBarChart(
            title: text["chart_incidents_category"] ?? "", series: categories.map { text["category_\($0)"] ?? $0 },
            bars: monthLabels.indices.map { .init(label: monthLabels[$0], values: byCategory[$0]) }, idPrefix: "incidents-category")
        let sectorChart = SVGStackedBarChart(
            title: text["chart_incidents_sector"] ?? "", series: usedSectors.map { sectorNames[$0] },
            bars: monthLabels.indices.map { month in .init(label: monthLabels[month], values: usedSectors.map { bySector[month][$0] }) }, idPrefix: "incidents-sector")
        return IncidentActivity(
            dueItems: due.prefix(20).map { deadline, overview in
                DueItem(incidentID: overview.id, incidentTitle: overview.title(language: page.language),
                        deadline: DeadlineRows.row(deadline, zone: zone, language: page.language))
            },
            overdueCount: due.filter { if case .overdue = $0.0.state { true } else { false } }.count,
            dueCount: due.count,
            incidentCount: seen.count,
            categoryChart: categoryChart.svg, categoryChartTitle: categoryChart.title,
            sectorChart: sectorChart.svg, sectorChartTitle: sectorChart.title)
    }

    /// The last ``months`` months as `2026-11`, oldest first, in `zone`.
    static func monthLabels(now: Date, zone: String) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
        return (0..<months).reversed().compactMap { calendar.date(byAdding: .month, value: -$0, to: now) }.map { monthLabel($0, zone: zone) }
    }

    static func monthLabel(_ date: Date, zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }
}
