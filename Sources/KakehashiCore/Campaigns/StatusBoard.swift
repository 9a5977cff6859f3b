import Foundation

/// A campaign's board: for each of its sectors, every member operator with its latest report (or none
/// yet), worst first, and how many stand in each state. Pure: the caller chooses which sectors a viewer
/// may see and passes the organisations and reports.
public struct StatusBoard: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var organisation: Organisation
        /// The latest report, or nil when the operator has not reported yet.
        public var latest: StatusReport?
    }

    public struct SectorBoard: Sendable, Equatable {
        public var sector: Sector
        public var rows: [Row]
        /// How many operators stand in each state.
        public var counts: [OperationalState: Int]
        /// How many have not reported.
        public var unreported: Int
    }

    public var campaign: Campaign
    public var sectors: [SectorBoard]

    /// Builds the board of `campaign` over `sectors` (those of the campaign the viewer may see).
    /// - Parameters:
    ///   - organisations: the hub's members; only operators in the sectors appear.
    ///   - reports: the campaign's reports, any order; each operator's newest counts.
    public init(campaign: Campaign, sectors visible: [Sector], organisations: [Organisation], reports: [StatusReport]) {
        self.campaign = campaign
        var latest: [UUID: StatusReport] = [:]
        for report in reports where report.campaignID == campaign.id {
            if let seen = latest[report.organisationID], seen.reportedAt > report.reportedAt { continue }
            latest[report.organisationID] = report
        }
        sectors = campaign.sectors.filter(visible.contains).map { sector in
            let rows = organisations.filter { $0.kind == .operator && $0.sectors.contains(sector) }
                .map { Row(organisation: $0, latest: latest[$0.id]) }
                .sorted { a, b in
                    let sa = a.latest?.state, sb = b.latest?.state
                    if sa != sb { return (sa.map { $0.rank } ?? -1) > (sb.map { $0.rank } ?? -1) }
                    return a.organisation.nameEn < b.organisation.nameEn
                }
            var counts: [OperationalState: Int] = [:]
            for row in rows { if let state = row.latest?.state { counts[state, default: 0] += 1 } }
            return SectorBoard(sector: sector, rows: rows, counts: counts, unreported: rows.filter { $0.latest == nil }.count)
        }
    }
}
