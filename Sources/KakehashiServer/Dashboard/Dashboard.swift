import Foundation
import KakehashiCore
import KakehashiStorage

/// What the dashboard shows a member: new indicators in their collections (a chart of the last
/// two weeks and the latest few), within what TLP lets their organisation see.
struct Dashboard: Encodable, Sendable {
    /// The chart of the last two weeks (SVG).
    let chart: String
    let chartTitle: String
    let newThisWeek: Int
    let latest: [ObjectSummary]
    let collectionCount: Int

    static func load(for page: PageSession, hub: Hub, now: Date = Date()) async throws -> Dashboard {
        let organisation = page.principal.organisation
        let viewer = STIXViewer(organisation: organisation)
        let collections = try await hub.collections.list().filter { $0.canRead(organisation.id) }
        let today = now.micros / 86_400_000_000
        let since = Date(micros: (today - 13) * 86_400_000_000)
        let counts = try await hub.objects.dailyCounts(type: "indicator", in: collections.map(\.id), since: since, viewer: viewer)
        let bars = (0..<14).map { offset -> SVGBarChart.Bar in
            let day = today - 13 + Int64(offset)
            return SVGBarChart.Bar(label: String(MicrosTimestamp.format(day * 86_400_000_000).dropFirst(5).prefix(5)), value: counts[day] ?? 0)
        }
        var latest: [StoredSTIXObject] = []
        var latestCollection: [String: UUID] = [:]
        for collection in collections {
            for object in try await hub.objects.search("", types: ["indicator"], in: collection.id, viewer: viewer, limit: 5) {
                latest.append(object)
                latestCollection[object.objectID] = collection.id
            }
        }
        latest.sort { $0.dateAdded > $1.dateAdded }
        let weekAgo = (today - 6) * 86_400_000_000
        let chartTitle = page.text["chart_indicators"] ?? ""
        return Dashboard(
            chart: SVGBarChart(title: chartTitle, bars: bars).svg,
            chartTitle: chartTitle,
            newThisWeek: counts.filter { $0.key * 86_400_000_000 >= weekAgo }.values.reduce(0, +),
            latest: latest.prefix(8).map { ObjectSummary(stored: $0, collectionID: latestCollection[$0.objectID] ?? UUID()) },
            collectionCount: collections.count)
    }
}
